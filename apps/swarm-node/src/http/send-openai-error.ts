import type { FastifyReply } from 'fastify';
import type { OpenAiHttpError } from './openai-error';

/** Answers with `error` in OpenAI's shape: for Fastify hooks, which run outside Nest's exception filter. */
export async function sendOpenAiError(reply: FastifyReply, error: OpenAiHttpError): Promise<void> {
  await reply.status(error.status).headers(error.headers).send(error.body);
}
