import type { StrategyName } from '@local-swarm/consensus';
import type { ConsensusRun } from '@local-swarm/swarm-core';
import { OpenAiHttpError } from '../http/openai-error';
import { decidedRun } from '../testing/decided-run';
import { RecordingReply } from '../testing/recording-reply';
import type { PreparedRequest } from './prepared-request';
import { respondWithConsensus } from './respond-with-consensus';
import { PLAIN_ANSWER } from './responses/answer-shape';
import { VOTE_KEEP_ALIVE_MS } from './streaming/vote-keep-alive';

function prepared(strategy: StrategyName, stream = true): PreparedRequest {
  return {
    generation: { prompt: { kind: 'chat', messages: [{ role: 'user', content: 'hi' }] }, maxTokens: 8, candidates: 2 },
    strategy,
    mode: 'vote',
    choices: 1,
    stream,
    includeUsage: false,
    answer: PLAIN_ANSWER,
    minAgreement: null,
    weights: 'configured',
  };
}

/** A vote the test finishes when it wants. */
function pendingVote(): { completions: { run: () => Promise<ConsensusRun> }; finish: () => void; fail: (error: unknown) => void } {
  const settlers: { resolve: (run: ConsensusRun) => void; reject: (error: unknown) => void }[] = [];
  const result = new Promise<ConsensusRun>((resolve, reject) => settlers.push({ resolve, reject }));
  return {
    completions: { run: () => result },
    finish: () => settlers.forEach((settler) => settler.resolve(decidedRun())),
    fail: (error) => settlers.forEach((settler) => settler.reject(error)),
  };
}

/** Lets the pending promise callbacks run (setImmediate stays real under the fake timers). */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('respondWithConsensus', () => {
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate'] }));
  afterEach(() => jest.useRealTimers());

  it.each(['majority', 'weighted_vote', 'best_of_n'] as const)('%s: opens the stream at once and sends a comment every ~2 s until the vote is over', async (strategy) => {
    const recording = new RecordingReply();
    const vote = pendingVote();
    const answered = respondWithConsensus(vote.completions, 'model', prepared(strategy), 'chat', recording.reply);
    await settle();
    expect(recording.raw.statusCode).toBe(200);
    expect(recording.events()).toEqual([{ kind: 'comment', text: 'waiting for the vote' }]);
    jest.advanceTimersByTime(2 * VOTE_KEEP_ALIVE_MS);
    expect(recording.events().filter((event) => event.kind === 'comment')).toHaveLength(3);
    vote.finish();
    await answered;
    jest.advanceTimersByTime(5 * VOTE_KEEP_ALIVE_MS);
    const events = recording.events();
    expect(events.filter((event) => event.kind === 'comment')).toHaveLength(3);
    expect(events.slice(3).every((event) => event.kind !== 'comment')).toBe(true);
    expect(events.at(-1)).toEqual({ kind: 'done' });
  });

  it('first_valid: writes nothing until its answer is known, then streams as before', async () => {
    const recording = new RecordingReply();
    const vote = pendingVote();
    const answered = respondWithConsensus(vote.completions, 'model', prepared('first_valid'), 'chat', recording.reply);
    await settle();
    jest.advanceTimersByTime(3 * VOTE_KEEP_ALIVE_MS);
    expect(recording.raw.statusCode).toBeNull();
    expect(recording.events()).toEqual([]);
    vote.finish();
    await answered;
    expect(recording.events().some((event) => event.kind === 'comment')).toBe(false);
    expect(recording.events().at(-1)).toEqual({ kind: 'done' });
  });

  it('a vote that fails behind an open stream ends it with an OpenAI error event', async () => {
    const recording = new RecordingReply();
    const vote = pendingVote();
    const answered = respondWithConsensus(vote.completions, 'model', prepared('majority'), 'chat', recording.reply);
    await settle();
    vote.fail(new OpenAiHttpError(503, 'server_error', 'the node is stopping', null, 'not_ready'));
    await expect(answered).rejects.toBeInstanceOf(OpenAiHttpError);
    jest.advanceTimersByTime(3 * VOTE_KEEP_ALIVE_MS);
    const events = recording.events();
    expect(events.filter((event) => event.kind === 'data')).toEqual([
      { kind: 'data', data: { error: expect.objectContaining({ message: 'the node is stopping', code: 'not_ready' }) } },
    ]);
    expect(events.filter((event) => event.kind === 'comment')).toHaveLength(1);
  });

  it('a vote refused at once (queue full) still gets its HTTP error: the stream was not opened yet', async () => {
    const recording = new RecordingReply();
    const refusal = new OpenAiHttpError(429, 'rate_limit_error', 'busy', null, 'queue_full');
    const answered = respondWithConsensus({ run: () => Promise.reject(refusal) }, 'model', prepared('majority'), 'chat', recording.reply);
    await expect(answered).rejects.toBe(refusal);
    await settle();
    jest.advanceTimersByTime(3 * VOTE_KEEP_ALIVE_MS);
    expect(recording.raw.statusCode).toBeNull();
    expect(recording.raw.written).toEqual([]);
  });

  it('stops the comments when the client leaves during the vote', async () => {
    const recording = new RecordingReply();
    const vote = pendingVote();
    const answered = respondWithConsensus(vote.completions, 'model', prepared('majority'), 'chat', recording.reply);
    await settle();
    recording.leave();
    jest.advanceTimersByTime(3 * VOTE_KEEP_ALIVE_MS);
    expect(recording.events()).toHaveLength(1);
    vote.finish();
    await answered;
    expect(recording.events()).toHaveLength(1);
  });

  it('answers a request that does not stream with one JSON body, usage counting the returned choice', async () => {
    const recording = new RecordingReply();
    await respondWithConsensus({ run: async () => decidedRun() }, 'model', prepared('majority', false), 'chat', recording.reply);
    expect(recording.raw.written).toEqual([]);
    expect(recording.sentStatus).toBe(200);
    expect(recording.sentBody).toMatchObject({ usage: { prompt_tokens: 9, completion_tokens: 6, total_tokens: 15 }, consensus: { usage: { completion_tokens: 8 } } });
  });
});
