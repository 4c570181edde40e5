import { formatBanner, type BannerFacts } from './banner';

const facts: BannerFacts = {
  version: '1.4.2',
  modelId: 'SmolLM2-135M-Instruct',
  modelPath: '/cache/models/smollm2.gguf',
  instances: 5,
  contextSize: 2048,
  sizingReason: 'set by --instances',
  hardwareSummary: '2 cores, 8 GiB free',
  url: 'http://192.168.1.20:17615',
  bindReason: 'first private LAN address',
  bindWarning: null,
  strategy: 'weighted_vote',
  nodeId: 'ls-0123456789ab',
  federation: 'off',
  peers: [],
};

describe('formatBanner', () => {
  it('lists peers when federation is on, or says none were found yet', () => {
    const on = { ...facts, federation: 'on (mode vote, discovery mDNS)' };
    expect(formatBanner({ ...on, peers: [] })).toContain('peers      none yet');
    const lines = formatBanner({ ...on, peers: ['a 10.0.0.2:17615 (mdns, healthy, ls-a)', 'b 10.0.0.3:17615 (manual, unhealthy, ls-b)'] }).split('\n');
    expect(lines).toContain('  peers      a 10.0.0.2:17615 (mdns, healthy, ls-a)');
    expect(lines).toContain('             b 10.0.0.3:17615 (manual, unhealthy, ls-b)');
    expect(formatBanner(facts)).not.toContain('peers');
  });

  it('shows version, model, instances, hardware, strategy and URLs, one per line', () => {
    expect(formatBanner(facts).split('\n')).toEqual([
      'Local Swarm 1.4.2',
      '  model      SmolLM2-135M-Instruct (/cache/models/smollm2.gguf)',
      '  instances  5 x 2048 tokens (set by --instances)',
      '  hardware   2 cores, 8 GiB free',
      '  strategy   weighted_vote',
      '  node id    ls-0123456789ab',
      '  federation off',
      '  listening  http://192.168.1.20:17615  (first private LAN address)',
      '  API        http://192.168.1.20:17615/v1  ·  docs http://192.168.1.20:17615/docs  ·  health http://192.168.1.20:17615/health',
    ]);
  });

  it('has no WARNING line without a bind warning', () => {
    expect(formatBanner(facts)).not.toContain('WARNING');
  });

  it('ends with a WARNING line when the bind choice carries one', () => {
    const lines = formatBanner({ ...facts, bindWarning: 'bound to 0.0.0.0: every interface' }).split('\n');
    expect(lines).toHaveLength(10);
    expect(lines.at(-1)).toBe('  WARNING    bound to 0.0.0.0: every interface');
  });

  it('shows a WARNING line for each sizing warning', () => {
    const lines = formatBanner({ ...facts, sizingWarnings: ['weights are Q4_1', '--auto could not measure decode cost'] }).split('\n');
    expect(lines.slice(-2)).toEqual(['  WARNING    weights are Q4_1', '  WARNING    --auto could not measure decode cost']);
  });

  it('ends with the pairing notes (open-federation warning, how to add machines), as they are', () => {
    const lines = formatBanner({ ...facts, federation: 'open (ANY host on the LAN may vote)', notes: ['  WARNING    open federation'] }).split('\n');
    expect(lines.at(-1)).toBe('  WARNING    open federation');
  });
});
