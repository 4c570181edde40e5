import { readCompletionReply, readHealthLoad } from './completion-reply';

describe('readCompletionReply', () => {
  it('reads a text completion', () => {
    const body = {
      object: 'text_completion',
      choices: [{ index: 0, text: ' 8, 9', finish_reason: 'length' }],
      usage: { prompt_tokens: 29, completion_tokens: 32, total_tokens: 61 },
      consensus: { usage: { prompt_tokens: 116, completion_tokens: 128, total_tokens: 244 } },
    };
    expect(readCompletionReply(body)).toEqual({
      ok: true,
      reply: { text: ' 8, 9', finishReason: 'length', completionTokens: 32, voteCompletionTokens: 128, promptTokens: 29 },
    });
  });
  it('reads a chat completion', () => {
    const body = {
      choices: [{ index: 0, message: { role: 'assistant', content: 'Blue.' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 10, completion_tokens: 3 },
    };
    expect(readCompletionReply(body)).toEqual({ ok: true, reply: { text: 'Blue.', finishReason: 'stop', completionTokens: 3, voteCompletionTokens: 3, promptTokens: 10 } });
  });
  it('turns an error body into a reason', () => {
    expect(readCompletionReply({ error: { message: 'n must be at most 1', type: 'invalid_request_error' } })).toEqual({
      ok: false,
      reason: 'error reply: n must be at most 1',
    });
  });
  it.each([[null], ['text'], [{ choices: [] }], [{ choices: [{ text: 'x' }], usage: {} }]])('refuses %j', (body) => {
    expect(readCompletionReply(body).ok).toBe(false);
  });
});

describe('readHealthLoad', () => {
  it('reads busy instances and queued requests', () => {
    expect(readHealthLoad({ status: 'ok', load: { busy_instances: 0, capacity: 1, queued_requests: 2 } })).toEqual({
      busyInstances: 0,
      queuedRequests: 2,
    });
  });
  it('is null without a load block', () => {
    expect(readHealthLoad({ status: 'ok' })).toBeNull();
  });
});
