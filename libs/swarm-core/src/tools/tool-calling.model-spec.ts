import type { Candidate } from '@local-swarm/consensus';
import { existsSync } from 'node:fs';
import type { GenerationRequest } from '../generation/generation-request';
import type { FunctionTool } from '../generation/tool-request';
import { defaultModelPath } from '../model/default-model';
import type { SourceOutcome } from '../sources/candidate-source';
import { SwarmWorkerClient } from '../testing/swarm-worker-client';

const INSTANCES = 3;
const getWeather: FunctionTool = {
  name: 'get_weather',
  description: 'Current weather in a city',
  parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false },
};
const getTime: FunctionTool = {
  name: 'get_time',
  description: 'Current time in a time zone',
  parameters: { type: 'object', properties: { timezone: { type: 'string' }, hours24: { type: 'boolean' } }, required: ['timezone', 'hours24'] },
};
const ask = (content: string): GenerationRequest['prompt'] => ({ kind: 'chat', messages: [{ role: 'user', content }] });

let worker: SwarmWorkerClient;

const candidatesOf = async (request: GenerationRequest): Promise<readonly Candidate[]> => {
  const outcome = await worker.call<SourceOutcome>('generate', { request });
  if (!outcome.ok) throw new Error(outcome.failure.message);
  return outcome.candidates;
};

const argumentsOf = (candidate: Candidate, index = 0): Record<string, unknown> =>
  JSON.parse(candidate.toolCalls?.[index]?.arguments ?? 'null') as Record<string, unknown>;

beforeAll(async () => {
  if (!existsSync(defaultModelPath())) throw new Error(`run the model fetcher first: ${defaultModelPath()} is missing`);
  worker = SwarmWorkerClient.spawn();
  await worker.call('start', { instances: INSTANCES, contextSize: 1024, maxQueue: 1 });
});

afterAll(async () => {
  await worker.close();
});

describe('tool calling on the real default model', () => {
  it('with a named function, every candidate is one valid call to it with a string city', async () => {
    const candidates = await candidatesOf({
      prompt: ask('What is the weather like in Paris?'),
      tools: { tools: [getWeather, getTime], choice: { name: 'get_weather' }, parallel: true },
      maxTokens: 48,
      candidates: INSTANCES,
      seed: 7,
    });
    expect(candidates).toHaveLength(INSTANCES);
    for (const candidate of candidates) {
      expect(candidate.finishReason).toBe('stop');
      expect(candidate.toolCalls?.map((call) => call.name)).toEqual(['get_weather']);
      const args = argumentsOf(candidate);
      expect(Object.keys(args)).toEqual(['city']);
      expect(args['city']).toEqual(expect.any(String));
    }
  });

  it('with required and two tools, every candidate calls one of them with arguments matching its schema', async () => {
    const candidates = await candidatesOf({
      prompt: ask('What time is it in Tokyo?'),
      tools: { tools: [getWeather, getTime], choice: 'required', parallel: false },
      maxTokens: 64,
      candidates: INSTANCES,
      seed: 3,
    });
    for (const candidate of candidates) {
      expect(candidate.finishReason).toBe('stop');
      expect(candidate.toolCalls).toHaveLength(1);
      const args = argumentsOf(candidate);
      if (candidate.toolCalls?.[0]?.name === 'get_weather') {
        expect(args).toEqual({ city: expect.any(String) });
      } else {
        expect(candidate.toolCalls?.[0]?.name).toBe('get_time');
        expect(args).toEqual({ timezone: expect.any(String), hours24: expect.any(Boolean) });
      }
    }
  });

  it('renders an earlier call and its result, and answers in text after it', async () => {
    const candidates = await candidatesOf({
      prompt: {
        kind: 'chat',
        messages: [
          { role: 'user', content: 'What is the weather like in Paris?' },
          { role: 'assistant', content: '', toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"city":"Paris"}' }] },
          { role: 'tool', content: '{"temperature_c":21,"sky":"sunny"}', toolCallId: 'call_1' },
        ],
      },
      tools: { tools: [getWeather], choice: 'none', parallel: true },
      maxTokens: 32,
      candidates: INSTANCES,
      seed: 11,
    });
    for (const candidate of candidates) {
      expect(candidate.finishReason).not.toBe('error');
      expect(candidate.toolCalls).toBeUndefined();
    }
    expect(candidates.some((candidate) => candidate.text.trim().length > 0)).toBe(true);
  });
});
