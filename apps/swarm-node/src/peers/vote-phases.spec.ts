/**
 * A served vote's "vote served" line names where its time went, phase by phase, under the
 * origin's request id, so a slow vote can be followed from the asking node's log into this one;
 * and the prompt is tokenized once (checked, then generated on the same tokens).
 */
import { asPeerId, FederationClient, generateNodeIdentity, newSwarmKey, swarmMembership, type SwarmMembership } from '@local-swarm/federation-protocol';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { FakeSwarm } from '../testing/fake-swarm';
import { createFederatedApp, type FederatedTestApp } from '../testing/federation-fixtures';

/** The "vote served" entries a node logged, parsed. */
function servedLines(): { logger: pino.Logger; served: Record<string, unknown>[] } {
  const served: Record<string, unknown>[] = [];
  const keep = (line: string): void => {
    const entry = JSON.parse(line) as Record<string, unknown>;
    if (entry['msg'] === 'vote served') served.push(entry);
  };
  return { logger: pino({ level: 'info' }, { write: keep }), served };
}

describe('the phases of a served vote', () => {
  let node: FederatedTestApp | undefined;
  afterEach(async () => node?.app.close());

  async function askVote(membership: SwarmMembership | null, swarm: FakeSwarm, logger: pino.Logger): Promise<void> {
    node = await createFederatedApp(swarm, { logger, ...(membership !== null && { membership: swarmMembership(membership.swarmKey, generateNodeIdentity()) }) });
    await node.app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(node.app.getHttpServer().address() as AddressInfo).port}`;
    const origin = membership?.identity.nodeId ?? 'node-origin';
    const client = new FederationClient({ baseUrl: url, allowLoopback: true, membership });
    const request = { requestId: 'trace-1', originNodeId: asPeerId(origin), prompt: { kind: 'text' as const, text: 'Say 4.' }, maxTokens: 8 };
    const result = await client.requestVote(request, { deadlineMs: 5000 });
    expect(result.ok).toBe(true);
  }

  it('open: receive, parse, tokenize, generate and build the reply, with the request id; one tokenization', async () => {
    const swarm = new FakeSwarm();
    const { logger, served } = servedLines();
    await askVote(null, swarm, logger);
    expect(served).toHaveLength(1);
    expect(served[0]).toMatchObject({ requestId: 'trace-1', origin: 'node-origin', candidates: 3 });
    expect(Object.keys(served[0]?.['phases'] ?? {})).toEqual(['receive', 'parse', 'tokenize', 'generate', 'reply']);
    expect(swarm.tokenizations).toBe(1);
  });

  it('sealed: opening the request and sealing the reply are phases too', async () => {
    const { logger, served } = servedLines();
    await askVote(swarmMembership(newSwarmKey(), generateNodeIdentity()), new FakeSwarm(), logger);
    expect(Object.keys(served[0]?.['phases'] ?? {})).toEqual(['receive', 'open', 'parse', 'tokenize', 'generate', 'reply', 'seal']);
  });
});
