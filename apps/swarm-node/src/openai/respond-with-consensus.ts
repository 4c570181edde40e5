import type { FastifyReply } from 'fastify';
import type { CompletionService } from './completion.service';
import type { PreparedRequest } from './prepared-request';
import { abortOnClientDisconnect } from '../http/request-abort';
import { buildChatCompletion, buildTextCompletion, type CompletedRequest } from './responses/completion-responses';
import { streamChatCompletion, streamTextCompletion } from './streaming/stream-completion';

/** The two OpenAI response families: chat messages or raw text completions. */
export type CompletionKind = 'chat' | 'text';

/**
 * Runs a prepared request through consensus and answers it, as JSON or as a stream. Generation
 * stops if the client leaves; nothing is sent to a client that is gone.
 */
export async function respondWithConsensus(
  completions: CompletionService,
  modelId: string,
  prepared: PreparedRequest,
  kind: CompletionKind,
  reply: FastifyReply,
): Promise<void> {
  const signal = abortOnClientDisconnect(reply);
  const run = await completions.run(prepared, signal);
  if (signal.aborted) return; // the client left: nobody to answer, instances already freed
  const completed: CompletedRequest = {
    run,
    model: modelId,
    choices: prepared.choices,
    trivialAgreement: prepared.generation.temperature === 0,
  };
  if (prepared.stream) {
    if (kind === 'chat') streamChatCompletion(reply, completed, prepared.includeUsage);
    else streamTextCompletion(reply, completed);
    return;
  }
  await reply.status(200).send(kind === 'chat' ? buildChatCompletion(completed) : buildTextCompletion(completed));
}
