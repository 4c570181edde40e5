import OpenAI from 'openai';
import { startSwarmNode, type StartedNode } from './support/swarm-node-process';

/**
 * Abstaining on request on the real model: four sampled instances asked an open question almost
 * never write the same sentence, so an agreement of 0.99 is out of reach and the node refuses,
 * saying why; with no bar (0) the same question is answered.
 */
const INSTANCES = 4;
const OPEN_QUESTION = [{ role: 'user' as const, content: 'Write one sentence about the sea.' }];
const SAMPLED = { messages: OPEN_QUESTION, temperature: 1, max_tokens: 48 };
const REFUSAL = /^the candidates disagreed: agreement [0-9.]+ < 0\.99$/;

interface AbstainedShape {
  agreement: number;
  asked_for: number;
  valid_count: number;
  abstained?: true;
  abstained_reason?: string;
}

interface ChatReply {
  choices: { message: { content: string | null; refusal: string | null }; finish_reason: string }[];
  consensus: AbstainedShape;
}

let node: StartedNode;
let client: OpenAI;

beforeAll(async () => {
  node = await startSwarmNode(['--instances', String(INSTANCES), '--context-size', '1024', '--max-queue', '8']);
  client = new OpenAI({ apiKey: 'not-needed', baseURL: node.baseURL, maxRetries: 0, timeout: 170_000 });
}, 120_000);

afterAll(async () => {
  await node.stop();
});

async function postChat(body: object): Promise<{ status: number; reply: ChatReply }> {
  const response = await fetch(`${node.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, reply: (await response.json()) as ChatReply };
}

function consensusOf(reply: object): AbstainedShape {
  return (reply as { consensus: AbstainedShape }).consensus;
}

describe('min_agreement on the real model', () => {
  it('refuses an open question at min_agreement 0.99: status 200, no content, the reason as message.refusal', async () => {
    const { status, reply } = await postChat({ ...SAMPLED, min_agreement: 0.99 });
    expect(status).toBe(200);
    expect(reply.choices[0]?.message.content).toBeNull();
    expect(reply.choices[0]?.message.refusal).toMatch(REFUSAL);
    expect(reply.choices[0]?.finish_reason).toBe('stop');
    expect(reply.consensus.agreement).toBeLessThan(0.99);
    expect(reply.consensus).toMatchObject({ abstained: true, asked_for: INSTANCES, abstained_reason: reply.choices[0]?.message.refusal });
  }, 180_000);

  it('shows the refusal through the official openai client (message.refusal)', async () => {
    const params: OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming & { min_agreement: number } = { model: 'any', ...SAMPLED, min_agreement: 0.99 };
    const completion = await client.chat.completions.create(params);
    expect(completion.choices[0]?.message.content).toBeNull();
    expect(completion.choices[0]?.message.refusal).toMatch(REFUSAL);
    expect(consensusOf(completion).agreement).toBeLessThan(0.99);
  }, 180_000);

  it('refuses on /v1/responses through the official client when the x-swarm-min-agreement header asks', async () => {
    const response = await client.responses.create(
      { model: 'any', input: OPEN_QUESTION[0]?.content ?? '', temperature: 1, max_output_tokens: 48 },
      { headers: { 'x-swarm-min-agreement': '0.99' } },
    );
    expect(response.status).toBe('completed');
    expect(response.output_text).toBe('');
    const message = response.output[0];
    expect(message?.type).toBe('message');
    const part = message?.type === 'message' ? message.content[0] : undefined;
    expect(part?.type).toBe('refusal');
    expect(part?.type === 'refusal' ? part.refusal : '').toMatch(REFUSAL);
    expect(consensusOf(response)).toMatchObject({ abstained: true });
  }, 180_000);

  it('answers the same question at min_agreement 0 (the control)', async () => {
    const { status, reply } = await postChat({ ...SAMPLED, min_agreement: 0 });
    expect(status).toBe(200);
    expect(reply.choices[0]?.message.refusal).toBeNull();
    expect(reply.choices[0]?.message.content?.trim().length).toBeGreaterThan(0);
    expect(reply.consensus.abstained).toBeUndefined();
  }, 180_000);
});
