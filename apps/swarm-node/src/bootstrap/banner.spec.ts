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
};

describe('formatBanner', () => {
  it('shows version, model, instances, hardware, strategy and URLs, one per line', () => {
    expect(formatBanner(facts).split('\n')).toEqual([
      'Local Swarm 1.4.2',
      '  model      SmolLM2-135M-Instruct (/cache/models/smollm2.gguf)',
      '  instances  5 x 2048 tokens (set by --instances)',
      '  hardware   2 cores, 8 GiB free',
      '  strategy   weighted_vote',
      '  listening  http://192.168.1.20:17615  (first private LAN address)',
      '  API        http://192.168.1.20:17615/v1  ·  docs http://192.168.1.20:17615/docs  ·  health http://192.168.1.20:17615/health',
    ]);
  });

  it('has no WARNING line without a bind warning', () => {
    expect(formatBanner(facts)).not.toContain('WARNING');
  });

  it('ends with a WARNING line when the bind choice carries one', () => {
    const lines = formatBanner({ ...facts, bindWarning: 'bound to 0.0.0.0: every interface' }).split('\n');
    expect(lines).toHaveLength(8);
    expect(lines.at(-1)).toBe('  WARNING    bound to 0.0.0.0: every interface');
  });
});
