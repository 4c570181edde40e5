import { startSwarmNode, type StartedNode } from './support/swarm-node-process';

/** The banner's instances line under --auto: the size, what the probe measured, what memory allows. */
const AUTO_LINE = /instances\s+(\d+) x \d+ tokens \(--auto: (\d+) candidates cost (\d+\.\d)x one on this machine \(measured: 3 → \d+\.\dx[^)]*\)[^)]*; memory allows (\d+)\)/;

let node: StartedNode | undefined;

beforeAll(async () => {
  node = await startSwarmNode(['--auto', '--context-size', '512']);
});

afterAll(async () => {
  await node?.stop();
});

describe('--auto on the real default model', () => {
  it('says in the banner what a batched step measured, and runs the count it chose', async () => {
    if (node === undefined) throw new Error('the node did not start');
    const match = AUTO_LINE.exec(node.output());
    if (match === null) throw new Error(`no --auto measurement in the banner:\n${node.output()}`);
    const [, instances, chosen, ratio, memoryAllows] = match.map(Number);
    expect(chosen).toBe(instances);
    expect(instances).toBeGreaterThanOrEqual(3);
    expect(instances).toBeLessThanOrEqual(memoryAllows ?? 0);
    expect(ratio).toBeGreaterThan(0);
    // The default model is the node's own choice: no advice about its weight type.
    expect(node.output()).not.toMatch(/weights are/);

    const response = await fetch(`${node.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: 'Say hello.' }], max_tokens: 8 }),
    });
    expect(response.status).toBe(200);
    const reply = (await response.json()) as { choices: { message: { content: string } }[]; consensus: { candidates: unknown[] } };
    expect(reply.choices[0]?.message.content).toEqual(expect.any(String));
    expect(reply.consensus.candidates).toHaveLength(instances ?? 0);
  });
});
