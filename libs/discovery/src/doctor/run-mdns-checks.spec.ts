import { runMdnsChecks } from './run-mdns-checks';

describe('runMdnsChecks', () => {
  it('gives the own-announcement check, the visibility check, then one check per service', async () => {
    const service = { instanceName: 'B', port: 17615, host: 'b.local', addresses: ['10.0.0.3'], txt: [Buffer.from('api_port=1')], sourceAddress: '10.0.0.3' };
    const checks = await runMdnsChecks(
      { probeSeen: true, advertiseError: null, browseError: null, services: [service] },
      { interfaceName: 'eth0', timeoutMs: 3000 },
      { ownProtocol: 1, ownKeyId: null, blockReasons: [], checkHealth: () => Promise.reject(new Error('not called')), healthTimeoutMs: 1, now: Date.now },
    );
    expect(checks.map((check) => `${check.id} ${check.status}`)).toEqual(['self-announcement ok', 'visible-services ok', 'service fail']);
  });
});
