import type { FastifyReply } from 'fastify';
import { toOpenAiError } from '../../http/openai-exception.filter';
import type { CompletionService } from '../completion.service';
import type { PreparedRequest } from '../prepared-request';
import { VOTE_KEEP_ALIVE_COMMENT, VOTE_KEEP_ALIVE_MS } from '../streaming/vote-keep-alive';
import { ResponseEventStream } from './response-event-stream';
import { finishedResponse, pendingResponse, type ResponseHeader } from './response-object';
import { streamFinishedResponse } from './stream-response';

/**
 * A streamed Responses request: `response.created` and `response.in_progress` at once (the client
 * knows it was accepted), comments while the vote runs (nothing of an answer can be sent before
 * it is chosen), then the winner's events. A failure once the stream is open travels as an
 * `error` event (the SDKs raise it), then is rethrown for the exception filter to log.
 */
export async function streamResponseRun(
  completions: Pick<CompletionService, 'run'>,
  prepared: PreparedRequest,
  header: ResponseHeader,
  reply: FastifyReply,
  signal: AbortSignal,
): Promise<void> {
  const stream = ResponseEventStream.open(reply);
  const pending = pendingResponse(header);
  stream.send('response.created', { response: pending });
  stream.send('response.in_progress', { response: pending });
  const keepAlive = setInterval(() => stream.comment(VOTE_KEEP_ALIVE_COMMENT), VOTE_KEEP_ALIVE_MS);
  try {
    const run = await completions.run(prepared, signal);
    clearInterval(keepAlive);
    streamFinishedResponse(stream, finishedResponse(header, run, prepared));
  } catch (error) {
    const { code, message, param } = toOpenAiError(error);
    stream.send('error', { code, message, param });
    stream.end();
    throw error;
  } finally {
    clearInterval(keepAlive);
  }
}
