import { exceedsJsonDepth, MAX_JSON_DEPTH } from '@local-swarm/federation-protocol';
import type { FastifyInstance } from 'fastify';
import { OpenAiHttpError } from './openai-error';

function invalidJson(message: string): OpenAiHttpError {
  return OpenAiHttpError.invalidRequest(message, null, 'invalid_json');
}

/**
 * Makes `application/json` the only body the node reads (Fastify's text/plain parser and Nest's
 * form parser are removed), at most `bodyLimit` bytes, nested at most MAX_JSON_DEPTH deep.
 * Failures are OpenAiHttpErrors, so they reach the client as 400 `invalid_json` or
 * `json_too_deep` and are never logged as server errors.
 */
export function registerJsonBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeAllContentTypeParsers();
  // Fastify's own parser: it also refuses __proto__ and constructor.prototype keys.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(invalidJson('The request body is empty; send a JSON object.'), undefined);
      return;
    }
    if (exceedsJsonDepth(text, MAX_JSON_DEPTH)) {
      done(OpenAiHttpError.invalidRequest(`The JSON body nests deeper than ${MAX_JSON_DEPTH} levels.`, null, 'json_too_deep'), undefined);
      return;
    }
    parseJson(request, text, (error, parsed) => {
      if (error === null) done(null, parsed);
      else done(invalidJson(`We could not parse the JSON body of your request: ${error.message}`), undefined);
    });
  });
}
