import { strategyTraits, type StrategyName } from '@local-swarm/consensus';
import type { ConsensusRun } from '@local-swarm/swarm-core';
import type { FastifyReply } from 'fastify';
import { toOpenAiError } from '../http/openai-exception.filter';
import { abortOnClientDisconnect } from '../http/request-abort';
import type { CompletionService } from './completion.service';
import type { PreparedRequest } from './prepared-request';
import { buildChatCompletion, buildTextCompletion, type CompletedRequest } from './responses/completion-responses';
import { SseStream } from './streaming/sse-stream';
import { streamChatCompletion, streamTextCompletion } from './streaming/stream-completion';
import { VoteKeepAlive } from './streaming/vote-keep-alive';
import { abstentionReason } from './responses/abstention';

/** The two OpenAI response families: chat messages or raw text completions. */
export type CompletionKind = 'chat' | 'text';

/**
 * Runs a prepared request through consensus and answers it, as JSON or as a stream. Generation
 * stops if the client leaves; nothing is sent to a client that is gone.
 */
export async function respondWithConsensus(
  completions: Pick<CompletionService, 'run'>,
  modelId: string,
  prepared: PreparedRequest,
  kind: CompletionKind,
  reply: FastifyReply,
): Promise<void> {
  const signal = abortOnClientDisconnect(reply);
  const keepAlive = prepared.stream && waitsForEveryCandidate(prepared.strategy) ? new VoteKeepAlive(reply) : null;
  const run = keepAlive === null ? await completions.run(prepared, signal) : await runWhileKeepingAlive(completions, prepared, signal, keepAlive);
  const opened = keepAlive?.stop() ?? null;
  if (signal.aborted) return; // the client left: nobody to answer, instances already freed
  const completed: CompletedRequest = {
    run,
    model: modelId,
    choices: prepared.choices,
    trivialAgreement: prepared.generation.temperature === 0,
    answer: prepared.answer,
    abstained: abstentionReason(run.verdict.agreement, prepared.minAgreement),
  };
  if (prepared.stream) {
    const stream = opened ?? SseStream.open(reply);
    if (kind === 'chat') streamChatCompletion(stream, completed, prepared.includeUsage);
    else streamTextCompletion(stream, completed, prepared.includeUsage);
    return;
  }
  await reply.status(200).send(kind === 'chat' ? buildChatCompletion(completed) : buildTextCompletion(completed));
}

/**
 * A voting strategy knows its answer only once the vote is over, and a streamed answer cannot be
 * taken back, so nothing but keep-alive comments is sent until then (first_valid answers with its
 * first valid candidate, soon enough to stream as before).
 */
function waitsForEveryCandidate(strategy: StrategyName): boolean {
  return strategyTraits(strategy).earlyStop !== 'first-valid';
}

/**
 * Runs the vote with keep-alive comments. A failure once the stream is open can no longer change
 * the HTTP status, so it travels as an OpenAI error event (clients raise it); either way it is
 * rethrown, for the exception filter to answer (before the stream opened) or log.
 */
async function runWhileKeepingAlive(
  completions: Pick<CompletionService, 'run'>,
  prepared: PreparedRequest,
  signal: AbortSignal,
  keepAlive: VoteKeepAlive,
): Promise<ConsensusRun> {
  try {
    return await completions.run(prepared, signal);
  } catch (error) {
    const stream = keepAlive.stop();
    stream?.sendError(toOpenAiError(error).body);
    stream?.end();
    throw error;
  }
}
