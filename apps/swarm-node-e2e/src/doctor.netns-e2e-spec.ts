import { netnsUnavailableReason, type RunResult } from '@local-swarm/test-netns';
import { FederationLan } from './support/federation-lan';
import { NODE_ENTRY } from './support/swarm-node-process';

/**
 * `local-swarm doctor` on a LAN of namespaces: on a host whose multicast route is missing it names
 * the route and fails; on a healthy host it sees its own announcement and the node running next
 * to it.
 */
const describeLan = netnsUnavailableReason() === null ? describe : describe.skip;
let lan: FederationLan;

beforeAll(async () => {
  lan = await FederationLan.create(['node', 'healthy', 'lonely']);
  await lan.startNode('node', ['--federation', '--threads', '1', '--instances', '1', '--context-size', '512']);
});

afterAll(async () => {
  await lan?.destroy();
});

function doctor(host: string): Promise<RunResult> {
  const { address } = lan.host(host);
  // The machine's swarm key is the LAN's: the node next door is then a member, not another swarm.
  const env = ['NODE_OPTIONS=', `LOCAL_SWARM_CONFIG_DIR=${lan.configDir(host)}`, `LOCAL_SWARM_KEY_FILE=${lan.swarmKeyFile}`];
  return lan.lan.run(host, 'env', [...env, process.execPath, NODE_ENTRY, 'doctor', '--host', address, '--timeout-ms', '3000'], { timeoutMs: 30_000 });
}

describeLan('local-swarm doctor', () => {
  it('names the missing multicast route and fails', async () => {
    const lonely = lan.host('lonely');
    await lan.lan.run(lonely, 'ip', ['route', 'del', '224.0.0.0/4', 'dev', lonely.iface]);
    const result = await doctor('lonely');
    // The whole report in the failure message, should this fail.
    expect({ code: result.code, stdout: result.stdout }).toMatchObject({ code: 1, stdout: expect.stringMatching(/FAIL/) });
    expect(result.stdout).toContain(`ip route add 224.0.0.0/4 dev ${lonely.iface}`);
  });

  it('on a healthy host sees its own announcement and the node next to it', async () => {
    const result = await doctor('healthy');
    expect({ code: result.code, stdout: result.stdout }).toMatchObject({ code: 0, stdout: expect.stringContaining(lan.host('node').address) });
    expect(result.stdout).not.toMatch(/^FAIL/m);
  });
});
