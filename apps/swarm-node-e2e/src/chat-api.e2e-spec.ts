import OpenAI from 'openai';
import { startSwarmNode, type StartedNode } from './support/swarm-node-process';

/** Three instances of the real default model behind the real HTTP server. */
const INSTANCES = 3;
const PROMPT = [{ role: 'user' as const, content: 'What is 2 + 3? Answer with a number.' }];

let node: StartedNode;
let client: OpenAI;

beforeAll(async () => {
  node = await startSwarmNode(['--instances', String(INSTANCES), '--context-size', '1024', '--max-queue', '8']);
  client = new OpenAI({ apiKey: 'not-needed', baseURL: node.baseURL, maxRetries: 0 });
});

afterAll(async () => {
  await node.stop();
});

describe('OpenAI-compatible API on the real model', () => {
  it('lists the model', async () => {
    const models = await client.models.list();
    expect(models.data.map((model) => model.id)).toEqual(['SmolLM2-135M-Instruct.Q4_1']);
  });

  it('answers a chat with text, usage and consensus over every instance', async () => {
    const completion = await client.chat.completions.create({ model: 'any', messages: PROMPT, max_tokens: 48 });
    const choice = completion.choices[0];
    expect(completion.object).toBe('chat.completion');
    expect(choice?.message.role).toBe('assistant');
    expect(choice?.message.content?.trim().length).toBeGreaterThan(0);
    expect(['stop', 'length']).toContain(choice?.finish_reason);
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(0);
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
    expect(completion.usage?.total_tokens).toBe((completion.usage?.prompt_tokens ?? 0) + (completion.usage?.completion_tokens ?? 0));

    const consensus = (completion as unknown as { consensus: ConsensusShape }).consensus;
    expect(consensus.strategy).toBe('majority');
    expect(consensus.candidates).toHaveLength(INSTANCES);
    expect(consensus.agreement).toBeGreaterThanOrEqual(0);
    expect(consensus.agreement).toBeLessThanOrEqual(1);
    // A vote happened among kept candidates, or every one was dropped (e.g. cut by max_tokens) and says so.
    if (consensus.valid) expect(consensus.agreement).toBeGreaterThan(0);
    else expect(consensus.candidates.every((candidate) => candidate.dropped !== null)).toBe(true);
    expect(consensus.winner).not.toBeNull();
    // The returned answer is the winner the metadata names.
    const winner = consensus.candidates[consensus.winner?.index ?? -1];
    expect(winner?.text).toBe(choice?.message.content);
    expect(winner?.source).toBe(consensus.winner?.source);
    // Candidates were sampled with different seeds, so each carries its own score.
    for (const candidate of consensus.candidates) expect(candidate.score === null || candidate.score <= 0).toBe(true);
  });

  it('counts the returned choice in usage and the whole vote in consensus.usage', async () => {
    const completion = await client.chat.completions.create({ model: 'any', messages: PROMPT, max_tokens: 5 });
    const usage = completion.usage;
    const consensus = (completion as unknown as { consensus: ConsensusShape }).consensus;
    expect(usage?.completion_tokens).toBeGreaterThan(0);
    expect(usage?.completion_tokens).toBeLessThanOrEqual(5);
    const winner = consensus.candidates[consensus.winner?.index ?? -1];
    expect(usage?.completion_tokens).toBe(winner?.completion_tokens);
    // Three instances generated; the client got one answer.
    expect(consensus.usage.completion_tokens).toBeGreaterThan(usage?.completion_tokens ?? Number.POSITIVE_INFINITY);
    // One source, this node (its candidates carry its node id).
    expect(consensus.usage.by_source.map((entry) => entry.source)).toEqual([consensus.winner?.source]);
    expect(consensus.usage.total_tokens).toBe(consensus.usage.prompt_tokens + consensus.usage.completion_tokens);
  });

  it('streams chunks that each carry a choice, consensus on the last one, and [DONE]', async () => {
    const stream = await client.chat.completions.create({ model: 'any', messages: PROMPT, max_tokens: 16, stream: true });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    let text = '';
    for await (const chunk of stream) {
      chunks.push(chunk);
      // OpenAI's quickstart loop reads chunk.choices[0].delta.content on every chunk.
      const first = chunk.choices[0];
      expect(first).toBeDefined();
      text += first?.delta.content ?? '';
    }
    expect(chunks.length).toBeGreaterThan(2);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.usage === undefined)).toBe(true);
    expect(text.trim().length).toBeGreaterThan(0);
    const last = chunks.at(-1);
    expect(['stop', 'length']).toContain(last?.choices[0]?.finish_reason);
    expect((last as unknown as { consensus?: ConsensusShape }).consensus?.winner).not.toBeNull();

    // The raw wire format: a keep-alive comment while the vote runs, data lines, the literal [DONE].
    const raw = await fetch(`${node.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: PROMPT, max_tokens: 8, stream: true }),
    });
    expect(raw.headers.get('content-type')).toMatch(/text\/event-stream/);
    const body = await raw.text();
    expect(body.startsWith(': waiting for the vote\n\n')).toBe(true);
    expect(body.trimEnd().endsWith('data: [DONE]')).toBe(true);
  });

  it('with stream_options.include_usage sends exactly one usage chunk, last, with empty choices', async () => {
    const stream = await client.chat.completions.create({
      model: 'any',
      messages: PROMPT,
      max_tokens: 16,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.Chat.Completions.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const usageChunks = chunks.filter((chunk) => chunk.usage !== null && chunk.usage !== undefined);
    expect(usageChunks).toHaveLength(1);
    expect(chunks.at(-1)).toBe(usageChunks[0]);
    expect(usageChunks[0]?.choices).toEqual([]);
    expect(usageChunks[0]?.usage?.completion_tokens).toBeLessThanOrEqual(16);
    expect(chunks.slice(0, -1).every((chunk) => chunk.choices.length === 1)).toBe(true);
  });

  it('streams /v1/completions with stream_options.include_usage the same way', async () => {
    const stream = await client.completions.create({
      model: 'any',
      prompt: 'The capital of France is',
      max_tokens: 8,
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.Completions.Completion[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const usageChunks = chunks.filter((chunk) => chunk.usage !== null && chunk.usage !== undefined);
    expect(usageChunks).toHaveLength(1);
    expect(chunks.at(-1)).toBe(usageChunks[0]);
    expect(usageChunks[0]?.choices).toEqual([]);
    expect(usageChunks[0]?.usage?.completion_tokens).toBeLessThanOrEqual(8);
    expect(chunks.slice(0, -1).every((chunk) => chunk.object === 'text_completion' && chunk.choices.length === 1)).toBe(true);
  });

  it('returns the top n candidates as n choices', async () => {
    const completion = await client.chat.completions.create({ model: 'any', messages: PROMPT, max_tokens: 12, n: 3 });
    expect(completion.choices.map((choice) => choice.index)).toEqual([0, 1, 2]);
    for (const choice of completion.choices) expect(typeof choice.message.content).toBe('string');
  });

  it('returns parseable JSON in JSON mode', async () => {
    const completion = await client.chat.completions.create({
      model: 'any',
      messages: [{ role: 'user', content: 'Give a JSON object with a "name" and an "age" for a person.' }],
      response_format: { type: 'json_object' },
      max_tokens: 64,
    });
    const content = completion.choices[0]?.message.content ?? '';
    const consensus = (completion as unknown as { consensus: ConsensusShape }).consensus;
    if (consensus.valid) {
      expect(() => JSON.parse(content) as unknown).not.toThrow();
    } else {
      // Every candidate ran out of tokens: the least-bad one is flagged, never passed off as valid.
      expect(consensus.candidates.every((candidate) => candidate.dropped !== null)).toBe(true);
    }
    expect(content.trimStart().startsWith('{')).toBe(true);
  });

  it('chooses the strategy per request by body field or header', async () => {
    const byBody = await postChat({ messages: PROMPT, max_tokens: 8, strategy: 'best_of_n' });
    expect(byBody.status).toBe(200);
    expect(((await byBody.json()) as { consensus: ConsensusShape }).consensus.strategy).toBe('best_of_n');

    const byHeader = await postChat({ messages: PROMPT, max_tokens: 8 }, { 'x-swarm-strategy': 'first_valid' });
    const firstValid = ((await byHeader.json()) as { consensus: ConsensusShape }).consensus;
    expect(firstValid.strategy).toBe('first_valid');

    const badHeader = await postChat({ messages: PROMPT, max_tokens: 8 }, { 'x-swarm-strategy': 'coin_flip' });
    expect(badHeader.status).toBe(400);
  });

  it('says agreement is trivial at temperature 0 (identical greedy candidates)', async () => {
    const response = await postChat({ messages: PROMPT, max_tokens: 12, temperature: 0 });
    const { consensus } = (await response.json()) as { consensus: ConsensusShape };
    expect(consensus.trivial_agreement).toBe(true);
    expect(new Set(consensus.candidates.map((candidate) => candidate.text)).size).toBe(1);
  });

  it('serves /v1/completions for raw prompts', async () => {
    const completion = await client.completions.create({ model: 'any', prompt: 'The capital of France is', max_tokens: 8 });
    expect(completion.object).toBe('text_completion');
    expect(typeof completion.choices[0]?.text).toBe('string');
  });

  it('publishes an OpenAPI document at /docs', async () => {
    const page = await fetch(`${node.url}/docs`);
    expect(page.status).toBe(200);
    const document = (await (await fetch(`${node.url}/docs-json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/v1/chat/completions', '/v1/completions', '/v1/models', '/health']));
  });

  it('reports health and load', async () => {
    const health = (await (await fetch(`${node.url}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ status: 'ok', instances: INSTANCES, model: 'SmolLM2-135M-Instruct.Q4_1', strategy: 'majority' });
  });
});

interface ConsensusShape {
  strategy: string;
  agreement: number;
  valid: boolean;
  trivial_agreement: boolean;
  winner: { source: string; index: number } | null;
  candidates: { text: string; source: string; score: number | null; dropped: string | null; completion_tokens: number | null }[];
  usage: {
    prompt_tokens: number;
    completion_tokens: number;
    total_tokens: number;
    by_source: { source: string; prompt_tokens: number; completion_tokens: number }[];
  };
}

function postChat(body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${node.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}
