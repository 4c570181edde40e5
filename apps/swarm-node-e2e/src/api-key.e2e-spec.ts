import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { startSwarmNode, type StartedNode } from './support/swarm-node-process';

/** A real node started with --api-key-file, used with the official `openai` client. */
const KEY = randomBytes(32).toString('base64url');
const PROMPT = [{ role: 'user' as const, content: 'Say yes.' }];

let node: StartedNode;
let keyDir: string;

beforeAll(async () => {
  keyDir = mkdtempSync(join(tmpdir(), 'local-swarm-api-key-'));
  const keyFile = join(keyDir, 'api-key');
  writeFileSync(keyFile, `${KEY}\n`, { mode: 0o600 });
  node = await startSwarmNode(['--instances', '1', '--context-size', '512', '--api-key-file', keyFile]);
});

afterAll(async () => {
  await node?.stop();
  rmSync(keyDir, { recursive: true, force: true });
});

describe('a node with an API key', () => {
  it('answers 401 without the key and 200 with it, through the openai client', async () => {
    const stranger = new OpenAI({ apiKey: 'not-the-key', baseURL: node.baseURL, maxRetries: 0 });
    await expect(stranger.chat.completions.create({ model: 'any', messages: PROMPT, max_tokens: 4 })).rejects.toMatchObject({ status: 401 });
    await expect(stranger.models.list()).rejects.toMatchObject({ status: 401 });

    const owner = new OpenAI({ apiKey: KEY, baseURL: node.baseURL, maxRetries: 0 });
    const completion = await owner.chat.completions.create({ model: 'any', messages: PROMPT, max_tokens: 4 });
    expect(completion.choices).toHaveLength(1);
    expect((await owner.models.list()).data).toHaveLength(1);
  });

  it('keeps /metrics and the dashboard data behind the key, /health open', async () => {
    const plain = async (path: string, headers: Record<string, string> = {}): Promise<number> => (await fetch(`${node.url}${path}`, { headers })).status;
    expect(await plain('/metrics')).toBe(401);
    expect(await plain('/v1/dashboard/state')).toBe(401);
    expect(await plain('/metrics', { authorization: `Bearer ${KEY}` })).toBe(200);
    expect(await plain('/v1/dashboard/state', { authorization: `Bearer ${KEY}` })).toBe(200);
    expect(await plain('/health')).toBe(200);
    expect(node.output()).not.toContain(KEY);
  });
});
