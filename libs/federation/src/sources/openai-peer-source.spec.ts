/**
 * OpenAiPeerSource against a real OpenAI-compatible stand-in on 127.0.0.1:0: chat goes to
 * /chat/completions, text to /completions, each choice is a candidate without a score; a server
 * that refuses `n` is asked for one choice from then on; malformed replies are failures. (How
 * the reply's choices are read: parse-openai-completion.spec.ts in federation-protocol.)
 */
import type { Candidate } from '@local-swarm/consensus';
import { FederationErrorCode, OpenAiPeerClient } from '@local-swarm/federation-protocol';
import { SwarmErrorCode, type CandidateSourceCallOptions, type GenerationRequest, type SourceOutcome } from '@local-swarm/swarm-core';
import type { ServerResponse } from 'node:http';
import { recordingCall, recordingObserver } from '../testing/source-call-fixtures';
import {
  closedPort,
  sendJson,
  sendText,
  stall,
  startTestHttpServer,
  type RecordedRequest,
  type TestHandler,
  type TestHttpServer,
} from '../testing/test-http-server';
import { OpenAiPeerSource } from './openai-peer-source';
import { maxCandidateChars } from './max-candidate-chars';
import type { PeerCallObserver } from './peer-call-observer';

const PEER = 'openai:peer';

const CHAT: GenerationRequest = {
  prompt: { kind: 'chat', messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'What is 2 + 2?' }] },
  maxTokens: 16,
  candidates: 3,
};
const TEXT: GenerationRequest = { prompt: { kind: 'text', text: 'Once upon a time' }, maxTokens: 8, candidates: 3 };

/** A call whose clock reads 77 ms. */
function callOptions(overrides: Partial<CandidateSourceCallOptions> = {}): ReturnType<typeof recordingCall> {
  return recordingCall(77, overrides);
}

function chatReply(contents: readonly string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    model: 'llama-3-8b',
    choices: contents.map((content, index) => ({ index, message: { role: 'assistant', content }, finish_reason: 'stop' })),
    usage: { prompt_tokens: 10, completion_tokens: 6, total_tokens: 16 },
    ...extra,
  };
}

function textReply(texts: readonly string[]): Record<string, unknown> {
  return {
    object: 'text_completion',
    model: 'llama-3-8b',
    choices: texts.map((text, index) => ({ index, text, finish_reason: index === 0 ? 'length' : 'stop' })),
    usage: { prompt_tokens: 4, completion_tokens: 8 },
  };
}

/** Answers `n` choices (the `n` of the request) on both endpoints. */
function honoursN(request: RecordedRequest, response: ServerResponse): void {
  const n = requestedN(request.body);
  const texts = Array.from({ length: n }, (_unused, index) => `answer ${index}`);
  if (request.url === '/v1/chat/completions') sendJson(response, 200, chatReply(texts));
  else if (request.url === '/v1/completions') sendJson(response, 200, textReply(texts));
  else sendJson(response, 404, { error: { message: 'no route' } });
}

function requestedN(body: unknown): number {
  const n = typeof body === 'object' && body !== null ? (body as { n?: unknown }).n : undefined;
  return typeof n === 'number' ? n : 1;
}

function expectFailure(outcome: SourceOutcome): void {
  if (outcome.ok) throw new Error('expected a failure, got candidates');
  expect(outcome.failure.code).toBe(SwarmErrorCode.SourceFailed);
  expect(outcome.failure.message).toMatch(/^OpenAI-compatible peer http:\/\/127\.0\.0\.1:\d+\/v1: /);
}

const servers: TestHttpServer[] = [];

async function server(handler: TestHandler): Promise<TestHttpServer> {
  const started = await startTestHttpServer(handler);
  servers.push(started);
  return started;
}

function sourceFor(target: TestHttpServer | string, observer: PeerCallObserver, deadlineMs = 5000): OpenAiPeerSource {
  const baseUrl = typeof target === 'string' ? target : `${target.url}/v1`;
  return new OpenAiPeerSource(PEER, new OpenAiPeerClient({ baseUrl, allowLoopback: true }), deadlineMs, observer);
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((started) => started.close()));
});

describe('OpenAiPeerSource.generate', () => {
  it('posts a chat to /chat/completions with n and the sampling fields', async () => {
    const peer = await server(honoursN);
    await sourceFor(peer, recordingObserver()).generate({ ...CHAT, temperature: 0.2, topP: 0.8, seed: 5, stop: ['END'], json: true }, callOptions());
    expect(peer.requests).toHaveLength(1);
    expect(peer.requests[0]?.method).toBe('POST');
    expect(peer.requests[0]?.url).toBe('/v1/chat/completions');
    expect(peer.requests[0]?.body).toEqual({
      model: 'default',
      n: 3,
      max_tokens: 16,
      temperature: 0.2,
      top_p: 0.8,
      seed: 5,
      stop: ['END'],
      response_format: { type: 'json_object' },
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'What is 2 + 2?' },
      ],
    });
  });

  it('posts a text prompt to /completions without unset fields', async () => {
    const peer = await server(honoursN);
    await sourceFor(peer, recordingObserver()).generate(TEXT, callOptions());
    expect(peer.requests.map((request) => request.url)).toEqual(['/v1/completions']);
    expect(peer.requests[0]?.body).toEqual({ model: 'default', n: 3, max_tokens: 8, prompt: 'Once upon a time' });
  });

  it('names the model the server listed in /models, once health checks learnt it', async () => {
    const peer = await server(honoursN);
    const source = new OpenAiPeerSource(PEER, new OpenAiPeerClient({ baseUrl: `${peer.url}/v1`, allowLoopback: true }), 5000, recordingObserver(), () => 'llama3.2:3b');
    await source.generate(TEXT, callOptions());
    expect(peer.requests[0]?.body).toMatchObject({ model: 'llama3.2:3b' });
  });

  it('tolerates a trailing slash on the base URL', async () => {
    const peer = await server(honoursN);
    await sourceFor(`${peer.url}/v1/`, recordingObserver()).generate(CHAT, callOptions());
    expect(peer.requests.map((request) => request.url)).toEqual(['/v1/chat/completions']);
  });

  it('turns chat choices into unscored candidates named by the peer', async () => {
    const peer = await server(honoursN);
    const observer = recordingObserver();
    const call = callOptions();
    const outcome = await sourceFor(peer, observer).generate(CHAT, call);
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.candidates).toEqual<Candidate[]>([0, 1, 2].map((index) => ({
      text: `answer ${index}`,
      score: null,
      source: PEER,
      sequence: index,
      model: 'llama-3-8b',
      finishReason: 'stop',
      latencyMs: 77,
    })));
    expect(outcome.usage).toEqual({ promptTokens: 10, completionTokens: 6 });
    expect(call.seen).toEqual(outcome.candidates);
    expect(observer.successes).toEqual([PEER]);
    expect(observer.failures).toEqual([]);
  });

  it('drops a choice longer than max_tokens could produce, keeping the others at their positions', async () => {
    const tooLong = 'x'.repeat(maxCandidateChars(CHAT.maxTokens) + 1);
    const longest = 'y'.repeat(maxCandidateChars(CHAT.maxTokens));
    const peer = await server((_request, response) => sendJson(response, 200, chatReply([tooLong, longest, '4'])));
    const outcome = await sourceFor(peer, recordingObserver()).generate(CHAT, callOptions());
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.candidates.map((candidate) => [candidate.sequence, candidate.text.length])).toEqual([
      [1, longest.length],
      [2, 1],
    ]);
  });

  it('turns text choices into candidates, keeping finish_reason length', async () => {
    const peer = await server(honoursN);
    const outcome = await sourceFor(peer, recordingObserver()).generate(TEXT, callOptions());
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.candidates.map((candidate) => [candidate.text, candidate.finishReason, candidate.score])).toEqual([
      ['answer 0', 'length', null],
      ['answer 1', 'stop', null],
      ['answer 2', 'stop', null],
    ]);
    expect(outcome.usage).toEqual({ promptTokens: 4, completionTokens: 8 });
  });

  it('takes fewer choices than asked (Ollama ignores n)', async () => {
    const peer = await server((_request, response) => sendJson(response, 200, chatReply(['only one'])));
    const outcome = await sourceFor(peer, recordingObserver()).generate(CHAT, callOptions());
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.candidates.map((candidate) => candidate.text)).toEqual(['only one']);
  });

  it('names the model by the peer id and counts usage as 0 when the reply has neither', async () => {
    const peer = await server((_request, response) => sendJson(response, 200, { choices: [{ message: { content: 'x' } }] }));
    const outcome = await sourceFor(peer, recordingObserver()).generate(CHAT, callOptions());
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.candidates[0]?.model).toBe(PEER);
    expect(outcome.usage).toEqual({ promptTokens: 0, completionTokens: 0 });
  });

  it.each<[string, unknown]>([
    ['negative', { prompt_tokens: -1, completion_tokens: 3 }],
    ['strings', { prompt_tokens: '5', completion_tokens: 3 }],
  ])('ignores usage counts that are %s', async (_label, usage) => {
    const peer = await server((_request, response) => sendJson(response, 200, chatReply(['x'], { usage })));
    const outcome = await sourceFor(peer, recordingObserver()).generate(CHAT, callOptions());
    if (!outcome.ok) throw new Error(outcome.failure.message);
    expect(outcome.usage).toEqual({ promptTokens: 0, completionTokens: 3 });
  });

  describe('a server that refuses n', () => {
    const refusesN: TestHandler = (request, response) => {
      if (requestedN(request.body) > 1) {
        sendJson(response, 400, { error: { message: "'n' must be 1", type: 'invalid_request_error', param: 'n', code: null } });
      } else {
        honoursN(request, response);
      }
    };

    it('is asked again once with n = 1, and with n = 1 from then on', async () => {
      const peer = await server(refusesN);
      const observer = recordingObserver();
      const source = sourceFor(peer, observer);

      const first = await source.generate(CHAT, callOptions());
      if (!first.ok) throw new Error(first.failure.message);
      expect(first.candidates.map((candidate) => candidate.text)).toEqual(['answer 0']);
      expect(peer.requests.map((request) => requestedN(request.body))).toEqual([3, 1]);

      const second = await source.generate(TEXT, callOptions());
      expect(second.ok).toBe(true);
      expect(peer.requests.map((request) => requestedN(request.body))).toEqual([3, 1, 1]);
      expect(observer.failures).toEqual([]);
      expect(observer.successes).toEqual([PEER, PEER]);
    });

    it('fails without a third try when n = 1 is refused too', async () => {
      const peer = await server((_request, response) => sendJson(response, 400, { error: { message: 'no', param: 'n' } }));
      const observer = recordingObserver();
      const source = sourceFor(peer, observer);
      expectFailure(await source.generate(CHAT, callOptions()));
      expect(peer.requests.map((request) => requestedN(request.body))).toEqual([3, 1]);
      expectFailure(await source.generate(CHAT, callOptions()));
      expect(peer.requests.map((request) => requestedN(request.body))).toEqual([3, 1, 1]);
      expect(observer.failures.map((failure) => failure.error)).toEqual([
        expect.objectContaining({ code: FederationErrorCode.HTTP, status: 400 }),
        expect.objectContaining({ code: FederationErrorCode.HTTP, status: 400 }),
      ]);
    });

    it.each<[string, unknown]>([
      ['another param', { error: { message: 'bad temperature', param: 'temperature' } }],
      ['no param', { error: { message: 'bad' } }],
      ['a non-OpenAI body', 'bad request'],
    ])('does not retry a 400 naming %s', async (_label, body) => {
      const peer = await server((_request, response) => sendJson(response, 400, body));
      const observer = recordingObserver();
      expectFailure(await sourceFor(peer, observer).generate(CHAT, callOptions()));
      expect(peer.requests).toHaveLength(1);
      expect(observer.failures).toHaveLength(1);
    });
  });

  it.each<[string, unknown]>([
    ['choices missing', { model: 'm' }],
    ['choices not an array', { choices: { 0: { message: { content: 'x' } } } }],
    ['choices empty', { choices: [] }],
    ['content not a string', { choices: [{ message: { content: 42 } }] }],
    ['content null', { choices: [{ message: { content: null } }] }],
    ['a choice that is not an object', { choices: ['x'] }],
    ['65 choices', chatReply(Array.from({ length: 65 }, () => 'x'))],
    ['a JSON array', [chatReply(['x'])]],
    ['a JSON string', 'x'],
  ])('fails on a reply with %s, reporting the peer once', async (_label, body) => {
    const peer = await server((_request, response) => sendJson(response, 200, body));
    const observer = recordingObserver();
    const call = callOptions();
    expectFailure(await sourceFor(peer, observer).generate(CHAT, call));
    expect(call.seen).toEqual([]);
    expect(observer.successes).toEqual([]);
    expect(observer.failures).toHaveLength(1);
    expect(observer.failures[0]?.nodeId).toBe(PEER);
    expect(observer.failures[0]?.error).toMatchObject({ code: FederationErrorCode.BAD_REPLY, param: 'choices', status: 200 });
  });

  it('keeps the n choices it asked for out of 64 and reports the extra ones as a violation', async () => {
    const peer = await server((_request, response) => sendJson(response, 200, chatReply(Array.from({ length: 64 }, (_unused, index) => `${index}`))));
    const observer = recordingObserver();
    const outcome = await sourceFor(peer, observer).generate(CHAT, callOptions());
    if (!outcome.ok) throw new Error(outcome.failure.message);
    const asked = (peer.requests[0]?.body as { n?: number } | undefined)?.n;
    expect(asked).toBe(3);
    expect(outcome.candidates.map((candidate) => candidate.text)).toEqual(['0', '1', '2']);
    expect(observer.violations).toEqual([{ nodeId: expect.any(String), violation: expect.stringContaining('sent 64 candidates, 3 asked') }]);
  });

  it('fails on a body that is not JSON', async () => {
    const peer = await server((_request, response) => sendText(response, 200, '<html>nope</html>', 'text/html'));
    const observer = recordingObserver();
    expectFailure(await sourceFor(peer, observer).generate(CHAT, callOptions()));
    expect(observer.failures.map((failure) => failure.error.code)).toEqual([FederationErrorCode.BAD_REPLY]);
  });

  it.each([500, 404, 201])('fails on HTTP %i', async (status) => {
    const peer = await server((_request, response) => sendJson(response, status, chatReply(['x'])));
    const observer = recordingObserver();
    expectFailure(await sourceFor(peer, observer).generate(CHAT, callOptions()));
    expect(observer.failures.map((failure) => failure.error)).toEqual([expect.objectContaining({ code: FederationErrorCode.HTTP, status })]);
  });

  it('fails when nothing listens there', async () => {
    const observer = recordingObserver();
    const source = sourceFor(`http://127.0.0.1:${await closedPort()}/v1`, observer);
    expectFailure(await source.generate(CHAT, callOptions()));
    expect(observer.failures.map((failure) => failure.error.code)).toEqual([FederationErrorCode.REFUSED]);
    expect(source.inFlight).toBe(0);
  });

  it('gives up on a server that stalls past the deadline', async () => {
    const peer = await server(stall);
    const observer = recordingObserver();
    const source = sourceFor(peer, observer, 300);
    const started = Date.now();
    const pending = source.generate(CHAT, callOptions());
    expect(source.inFlight).toBe(1);
    expectFailure(await pending);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(source.inFlight).toBe(0);
    expect(observer.failures.map((failure) => failure.error.code)).toEqual([FederationErrorCode.TIMEOUT]);
  });

  it('does not blame the server when the caller aborts', async () => {
    const peer = await server(stall);
    const observer = recordingObserver();
    const controller = new AbortController();
    const source = sourceFor(peer, observer);
    const pending = source.generate(CHAT, callOptions({ signal: controller.signal }));
    while (peer.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    expectFailure(await pending);
    expect(observer.failures).toEqual([]);
    expect(observer.successes).toEqual([]);
    expect(source.inFlight).toBe(0);
  });
});

/** The HTTP layer it shares with FederationClient: LAN traffic never proxied, replies capped. */
describe('OpenAiPeerSource over the federation HTTP layer', () => {
  it('ignores HTTP_PROXY from the environment, as FederationClient does', async () => {
    const peer = await server(honoursN);
    const proxy = `http://127.0.0.1:${await closedPort()}`;
    const saved = { upper: process.env['HTTP_PROXY'], lower: process.env['http_proxy'] };
    process.env['HTTP_PROXY'] = proxy;
    process.env['http_proxy'] = proxy;
    try {
      const outcome = await sourceFor(peer, recordingObserver()).generate(CHAT, callOptions());
      expect(outcome.ok).toBe(true);
    } finally {
      restoreEnv('HTTP_PROXY', saved.upper);
      restoreEnv('http_proxy', saved.lower);
    }
  });

  it('reports a reply over 4 MiB as TOO_LARGE', async () => {
    const peer = await server((_request, response) => sendJson(response, 200, chatReply(['x'.repeat(5 * 1024 * 1024)])));
    const observer = recordingObserver();
    expectFailure(await sourceFor(peer, observer).generate(CHAT, callOptions()));
    expect(observer.failures.map((failure) => failure.error.code)).toEqual([FederationErrorCode.TOO_LARGE]);
  });
});

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}
