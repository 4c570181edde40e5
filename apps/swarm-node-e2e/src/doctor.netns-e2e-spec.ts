import { netnsUnavailableReason, type RunResult } from '@local-swarm/test-netns';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FederationLan, type LanNode } from './support/federation-lan';
import { NODE_ENTRY } from './support/swarm-node-process';

/**
 * `local-swarm doctor` on a LAN of namespaces: on a host whose multicast route is missing it names
 * the route and fails; on a healthy host it sees its own announcement and the node running next
 * to it, and names that node blocked when the block list holds it.
 */
const describeLan = netnsUnavailableReason() === null ? describe : describe.skip;
let lan: FederationLan;
let node: LanNode;

beforeAll(async () => {
  lan = await FederationLan.create(['node', 'healthy', 'lonely']);
  node = await lan.startNode('node', ['--federation', '--threads', '1', '--instances', '1', '--context-size', '512']);
});

afterAll(async () => {
  await lan?.destroy();
});

/** Runs doctor on `host` as for a node started with this config dir and the LAN's swarm key. */
function doctor(host: string, configDir: string = lan.configDir(host)): Promise<RunResult> {
  const { address } = lan.host(host);
  // The machine's swarm key is the LAN's: the node next door is then a member, not another swarm.
  const args = ['doctor', '--host', address, '--timeout-ms', '3000', '--config-dir', configDir, '--swarm-key-file', lan.swarmKeyFile];
  return lan.lan.run(host, 'env', ['NODE_OPTIONS=', process.execPath, NODE_ENTRY, ...args], { timeoutMs: 30_000 });
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

  it("names the node next to it blocked when this machine's block list holds it", async () => {
    const nodeId = (await lan.request('healthy', 'GET', `${node.url}/health`)).json<{ node_id: string }>().node_id;
    const configDir = lan.configDir('healthy', 18000);
    writeFileSync(join(configDir, 'blocked.json'), JSON.stringify({ blocked: [nodeId] }), { mode: 0o600 });
    const result = await doctor('healthy', configDir);
    expect(result.stdout).toMatch(new RegExp(`${nodeId}.*not a peer: blocked`));
    expect(result.stdout).toContain(`local-swarm peers unblock ${nodeId}`);
  });
});
