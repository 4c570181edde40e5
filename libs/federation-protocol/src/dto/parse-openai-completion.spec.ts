import { openAiErrorParam, parseChoices, parseOpenAiCompletion } from './parse-openai-completion';

describe('parseChoices', () => {
  const chat = (...choices: unknown[]): unknown => ({ choices });

  it.each<[string, unknown, 'chat' | 'text', { text: string; finishReason: string }[] | null]>([
    ['one chat choice', chat({ message: { content: 'hi' }, finish_reason: 'stop' }), 'chat', [{ text: 'hi', finishReason: 'stop' }]],
    ['finish_reason length', chat({ message: { content: 'hi' }, finish_reason: 'length' }), 'chat', [{ text: 'hi', finishReason: 'length' }]],
    ['finish_reason missing → stop', chat({ message: { content: 'hi' } }), 'chat', [{ text: 'hi', finishReason: 'stop' }]],
    ['finish_reason content_filter → stop', chat({ message: { content: 'hi' }, finish_reason: 'content_filter' }), 'chat', [{ text: 'hi', finishReason: 'stop' }]],
    ['an empty string is a valid answer', chat({ message: { content: '' } }), 'chat', [{ text: '', finishReason: 'stop' }]],
    ['several choices keep their order', chat({ message: { content: 'a' } }, { message: { content: 'b' } }), 'chat', [
      { text: 'a', finishReason: 'stop' },
      { text: 'b', finishReason: 'stop' },
    ]],
    ['text choices read text', { choices: [{ text: 'once', finish_reason: 'length' }] }, 'text', [{ text: 'once', finishReason: 'length' }]],
    ['chat reads message.content, not text', { choices: [{ text: 'once' }] }, 'chat', null],
    ['text reads text, not message.content', chat({ message: { content: 'hi' } }), 'text', null],
    ['message missing', chat({ finish_reason: 'stop' }), 'chat', null],
    ['message null', chat({ message: null }), 'chat', null],
    ['content a number', chat({ message: { content: 1 } }), 'chat', null],
    ['content an array of parts', chat({ message: { content: [{ type: 'text', text: 'hi' }] } }), 'chat', null],
    ['one bad choice spoils the reply', chat({ message: { content: 'a' } }, { message: {} }), 'chat', null],
    ['a null choice', chat(null), 'chat', null],
    ['no choices', { choices: [] }, 'chat', null],
    ['choices missing', {}, 'chat', null],
    ['choices a string', { choices: 'a' }, 'chat', null],
    ['choices an object', { choices: { 0: { message: { content: 'a' } } } }, 'chat', null],
    ['data null', null, 'chat', null],
    ['data a string', 'choices', 'chat', null],
    ['data a number', 7, 'text', null],
    ['data undefined', undefined, 'text', null],
  ])('%s', (_label, data, kind, expected) => {
    expect(parseChoices(data, kind)).toEqual(expected);
  });

  it('accepts 64 choices and refuses 65', () => {
    const many = (count: number): unknown => ({ choices: Array.from({ length: count }, () => ({ text: 'x' })) });
    expect(parseChoices(many(64), 'text')).toHaveLength(64);
    expect(parseChoices(many(65), 'text')).toBeNull();
  });
});

describe('parseOpenAiCompletion', () => {
  it('reads the choices, the model and the usage', () => {
    const body = { model: 'llama-3-8b', choices: [{ message: { content: 'hi' } }], usage: { prompt_tokens: 10, completion_tokens: 6 } };
    expect(parseOpenAiCompletion(body, 'chat')).toEqual({
      choices: [{ text: 'hi', finishReason: 'stop' }],
      model: 'llama-3-8b',
      usage: { promptTokens: 10, completionTokens: 6 },
    });
  });

  it.each<[string, unknown]>([
    ['no model', undefined],
    ['a model that is not a string', 7],
    ['a model id over 256 characters', 'm'.repeat(257)],
  ])('names no model for %s', (_label, model) => {
    expect(parseOpenAiCompletion({ model, choices: [{ text: 'x' }] }, 'text')?.model).toBeNull();
  });

  it.each<[string, unknown]>([
    ['missing', undefined],
    ['negative', { prompt_tokens: -1, completion_tokens: 3 }],
    ['strings', { prompt_tokens: '5', completion_tokens: 3 }],
    ['not finite', { prompt_tokens: Number.POSITIVE_INFINITY, completion_tokens: 3 }],
  ])('reads usage counts that are %s as 0', (_label, usage) => {
    const completion = parseOpenAiCompletion({ choices: [{ text: 'x' }], usage }, 'text');
    expect(completion?.usage.promptTokens).toBe(0);
  });

  it('is null without usable choices', () => {
    expect(parseOpenAiCompletion({ model: 'm' }, 'chat')).toBeNull();
    expect(parseOpenAiCompletion([{ choices: [{ text: 'x' }] }], 'text')).toBeNull();
  });
});

describe('openAiErrorParam', () => {
  it.each<[string, string, string | null]>([
    ['an OpenAI error naming n', JSON.stringify({ error: { message: "'n' must be 1", param: 'n' } }), 'n'],
    ['an error without param', JSON.stringify({ error: { message: 'bad' } }), null],
    ['a param that is not a string', JSON.stringify({ error: { param: 1 } }), null],
    ['a JSON string', JSON.stringify('bad request'), null],
    ['text that is not JSON', 'bad request', null],
  ])('%s', (_label, text, expected) => {
    expect(openAiErrorParam(text)).toBe(expected);
  });
});
