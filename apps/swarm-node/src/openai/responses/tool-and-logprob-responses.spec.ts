import type { Candidate, TokenLogprob } from '@local-swarm/consensus';
import { decidedRun } from '../../testing/decided-run';
import { RecordingReply } from '../../testing/recording-reply';
import { SseStream } from '../streaming/sse-stream';
import { streamChatCompletion, streamTextCompletion } from '../streaming/stream-completion';
import { PLAIN_ANSWER, type AnswerShape } from './answer-shape';
import { buildChatCompletion, buildTextCompletion, type CompletedRequest } from './completion-responses';

const entry = (token: string, logprob: number): TokenLogprob => ({
  token,
  logprob,
  bytes: [...Buffer.from(token)],
  top: [{ token, logprob, bytes: [...Buffer.from(token)] }, { token: 'x', logprob: -3, bytes: [120] }],
});
const CALL = { name: 'get_weather', arguments: '{"city": "Paris"}' };

/** The decided run with its winner replaced. */
function completedWith(winner: Partial<Candidate>, answer: Partial<AnswerShape> = {}): CompletedRequest {
  const run = decidedRun();
  const first = run.verdict.ranking[0];
  if (first === undefined) throw new Error('no ranking');
  const candidate = { ...first.candidate, ...winner };
  const ranking = [{ ...first, candidate }, ...run.verdict.ranking.slice(1)];
  return { run: { ...run, verdict: { ...run.verdict, ranking, winner: ranking[0] ?? null } }, model: 'm', choices: 1, trivialAgreement: false, answer: { ...PLAIN_ANSWER, ...answer } };
}

interface Chunk {
  choices: { delta?: Record<string, unknown>; text?: string; logprobs: unknown; finish_reason: string | null }[];
}

function chunksOf(write: (stream: SseStream) => void): Chunk[] {
  const recording = new RecordingReply();
  write(SseStream.open(recording.reply));
  return recording.chunks<Chunk>();
}

describe('chat answers with tool calls', () => {
  it('answers a call as tool_calls with a call_ id, content null and finish_reason tool_calls', () => {
    const choice = buildChatCompletion(completedWith({ text: '', toolCalls: [CALL] })).choices[0];
    expect(choice?.finish_reason).toBe('tool_calls');
    expect(choice?.message.content).toBeNull();
    expect(choice?.message.tool_calls).toEqual([{ id: expect.stringMatching(/^call_[A-Za-z0-9]{24}$/), type: 'function', function: CALL }]);
  });

  it('keeps the text a calling answer also wrote', () => {
    const choice = buildChatCompletion(completedWith({ text: 'Let me check.', toolCalls: [CALL] })).choices[0];
    expect(choice?.message.content).toBe('Let me check.');
  });

  it('answers a legacy functions request with function_call and finish_reason function_call', () => {
    const choice = buildChatCompletion(completedWith({ text: '', toolCalls: [CALL] }, { legacyFunctions: true })).choices[0];
    expect(choice?.finish_reason).toBe('function_call');
    expect(choice?.message.function_call).toEqual(CALL);
    expect(choice?.message.tool_calls).toBeUndefined();
  });

  it('streams a call as OpenAI does: index, id, type, name and empty arguments first, then the arguments', () => {
    const chunks = chunksOf((stream) => streamChatCompletion(stream, completedWith({ text: '', toolCalls: [CALL] }), false));
    const deltas = chunks.map((chunk) => chunk.choices[0]?.delta ?? {});
    const callDeltas = deltas.flatMap((delta) => (Array.isArray(delta['tool_calls']) ? (delta['tool_calls'] as Record<string, unknown>[]) : []));
    expect(callDeltas[0]).toEqual({ index: 0, id: expect.stringMatching(/^call_/), type: 'function', function: { name: 'get_weather', arguments: '' } });
    const streamedArguments = callDeltas.map((delta) => (delta['function'] as { arguments: string }).arguments).join('');
    expect(streamedArguments).toBe(CALL.arguments);
    expect(callDeltas.slice(1).every((delta) => delta['id'] === undefined && delta['index'] === 0)).toBe(true);
    expect(chunks.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
  });
});

describe('log-probabilities', () => {
  const logprobs = [entry('Paris', -0.1), entry(' is', -0.2), entry(' nice', -0.3)];

  it('chat: logprobs.content per token with its top alternatives, refusal null', () => {
    const choice = buildChatCompletion(completedWith({ logprobs }, { logprobs: true })).choices[0];
    expect(choice?.logprobs?.refusal).toBeNull();
    expect(choice?.logprobs?.content.map((token) => token.token)).toEqual(['Paris', ' is', ' nice']);
    expect(choice?.logprobs?.content[0]).toEqual({ token: 'Paris', logprob: -0.1, bytes: [80, 97, 114, 105, 115], top_logprobs: logprobs[0]?.top });
  });

  it('chat: null when not asked for', () => {
    expect(buildChatCompletion(completedWith({ logprobs })).choices[0]?.logprobs).toBeNull();
  });

  it('completions: tokens, token_logprobs, top_logprobs maps and text offsets after the prompt', () => {
    const choice = buildTextCompletion(completedWith({ logprobs }, { logprobs: true, promptChars: 4 })).choices[0];
    expect(choice?.logprobs).toEqual({
      tokens: ['Paris', ' is', ' nice'],
      token_logprobs: [-0.1, -0.2, -0.3],
      top_logprobs: [{ Paris: -0.1, x: -3 }, { ' is': -0.2, x: -3 }, { ' nice': -0.3, x: -3 }],
      text_offset: [4, 9, 12],
    });
  });

  it('streams one content chunk per token, each with the logprobs of its token', () => {
    const chunks = chunksOf((stream) => streamChatCompletion(stream, completedWith({ logprobs }, { logprobs: true }), false));
    const content = chunks.filter((chunk) => typeof chunk.choices[0]?.delta?.['content'] === 'string' && chunk.choices[0]?.delta?.['content'] !== '');
    expect(content.map((chunk) => chunk.choices[0]?.delta?.['content'])).toEqual(['Paris', ' is', ' nice']);
    expect(content.map((chunk) => (chunk.choices[0]?.logprobs as { content: { token: string }[] }).content.map((token) => token.token))).toEqual([['Paris'], [' is'], [' nice']]);
  });

  it('streams text completions with the echoed prompt first and legacy logprobs per token', () => {
    const chunks = chunksOf((stream) => streamTextCompletion(stream, completedWith({ logprobs }, { logprobs: true, echoPrompt: null, promptChars: 4 }), false));
    expect(chunks.map((chunk) => chunk.choices[0]?.text).join('')).toBe('Paris is nice');
    expect((chunks[1]?.choices[0]?.logprobs as { text_offset: number[] }).text_offset).toEqual([9]);
    const echoed = chunksOf((stream) => streamTextCompletion(stream, completedWith({}, { echoPrompt: 'Say: ' }), false));
    expect(echoed[0]?.choices[0]?.text).toBe('Say: ');
    expect(echoed.map((chunk) => chunk.choices[0]?.text).join('')).toBe('Say: Paris is nice');
  });
});
