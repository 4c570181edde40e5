import OpenAI from 'openai';
import { startSwarmNode, type StartedNode } from './support/swarm-node-process';

/** /v1/embeddings and /v1/responses of a real node (default model, three instances) through the official client. */
let node: StartedNode;
let client: OpenAI;

beforeAll(async () => {
  node = await startSwarmNode(['--instances', '3', '--context-size', '1024', '--max-queue', '8']);
  client = new OpenAI({ apiKey: 'not-needed', baseURL: node.baseURL, maxRetries: 0 });
});

afterAll(async () => {
  await node.stop();
});

function dot(a: readonly number[], b: readonly number[]): number {
  return a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);
}

describe('POST /v1/embeddings with the openai client', () => {
  it('gives a batch of three unit vectors in order, the same as float or base64 (the client decodes base64)', async () => {
    const input = ['The cat sat on the mat.', 'A cat was sitting on the mat.', 'Quarterly tax filings are due in April.'];
    const floats = await client.embeddings.create({ model: 'any', input, encoding_format: 'float' });
    // Without encoding_format the client asks for base64 and decodes the float32 values itself.
    const decoded = await client.embeddings.create({ model: 'any', input });
    expect(floats.data.map((item) => item.index)).toEqual([0, 1, 2]);
    expect(floats.usage.prompt_tokens).toBeGreaterThan(input.length);
    const vectors = floats.data.map((item) => item.embedding);
    vectors.forEach((vector, index) => {
      expect(dot(vector, vector)).toBeCloseTo(1, 4);
      decoded.data[index]?.embedding.forEach((value, at) => expect(value).toBeCloseTo(vector[at] ?? Number.NaN, 5));
    });
    const [cat, sittingCat, taxes] = vectors;
    expect(dot(cat ?? [], sittingCat ?? [])).toBeGreaterThan(dot(cat ?? [], taxes ?? []));
  });

  it('refuses token arrays and other dimensions, naming the field', async () => {
    await expect(client.embeddings.create({ model: 'any', input: [[1, 2, 3]] })).rejects.toMatchObject({ status: 400, param: 'input[0]' });
    await expect(client.embeddings.create({ model: 'any', input: 'hi', dimensions: 8 })).rejects.toMatchObject({ status: 400, param: 'dimensions' });
  });
});

describe('POST /v1/responses with the openai client', () => {
  it('answers input and instructions with non-empty output_text, usage and the vote', async () => {
    const response = await client.responses.create({ model: 'any', input: 'What is 2 + 3?', instructions: 'Answer with a number.', max_output_tokens: 32 });
    expect(response.object).toBe('response');
    expect(response.id).toMatch(/^resp_/);
    expect(response.output_text.trim().length).toBeGreaterThan(0);
    expect(response.usage?.total_tokens).toBe((response.usage?.input_tokens ?? 0) + (response.usage?.output_tokens ?? 0));
    expect((response as unknown as { consensus: { candidates: unknown[] } }).consensus.candidates).toHaveLength(3);
  });

  it('streams events the SDK stream helper assembles into the final response', async () => {
    const stream = client.responses.stream({ model: 'any', input: 'Name a color.', max_output_tokens: 16 });
    const deltas: string[] = [];
    stream.on('response.output_text.delta', (event) => deltas.push(event.delta));
    const final = await stream.finalResponse();
    expect(final.output_text.trim().length).toBeGreaterThan(0);
    expect(deltas.join('')).toBe(final.output_text);
  });

  it('answers text.format json_schema with JSON that parses and matches the schema', async () => {
    const response = await client.responses.create({
      model: 'any',
      input: 'What is 2 + 3?',
      max_output_tokens: 64,
      text: {
        format: {
          type: 'json_schema',
          name: 'sum',
          strict: true,
          schema: { type: 'object', properties: { answer: { type: 'integer' } }, required: ['answer'], additionalProperties: false },
        },
      },
    });
    const parsed = JSON.parse(response.output_text) as { answer: unknown };
    expect(Number.isInteger(parsed.answer)).toBe(true);
  });

  it('answers a named function tool with a function_call item', async () => {
    const response = await client.responses.create({
      model: 'any',
      input: 'What is the weather in Paris?',
      max_output_tokens: 64,
      tools: [
        {
          type: 'function',
          name: 'get_weather',
          description: 'Current weather of a city',
          strict: true,
          parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
        },
      ],
      tool_choice: { type: 'function', name: 'get_weather' },
    });
    const call = response.output.find((item) => item.type === 'function_call');
    expect(call).toMatchObject({ type: 'function_call', name: 'get_weather', call_id: expect.stringMatching(/^call_/) });
    expect(JSON.parse(call?.type === 'function_call' ? call.arguments : '')).toHaveProperty('city');
  });

  it('refuses previous_response_id: the node keeps no conversation state', async () => {
    await expect(client.responses.create({ model: 'any', input: 'hi', previous_response_id: 'resp_123' })).rejects.toMatchObject({
      status: 400,
      param: 'previous_response_id',
    });
  });
});
