import { chatWrapperSamples } from '../testing/chat-wrapper-samples';
import { parseToolCalls } from './parse-tool-calls';

// The templates this project meets: SmolLM2 (ChatML), Gemma, Llama 3.1.
const samples = chatWrapperSamples(['ChatMLChatWrapper', 'GemmaChatWrapper', 'Llama3_1ChatWrapper']);
const WEATHER = { name: 'get_weather', arguments: '{"city":"Paris","unit":"c"}' };

describe.each(Object.entries(samples))('parseToolCalls with %s', (_name, sample) => {
  const parse = (text: string) => parseToolCalls(text, sample.functions);

  it('reads a call as the wrapper writes it, arguments as canonical JSON (sorted keys, no spaces)', () => {
    expect(parse(sample.weatherCall)).toEqual({ content: '', calls: [WEATHER] });
  });

  it('reads a call without arguments as {}', () => {
    expect(parse(sample.emptyCall)).toEqual({ content: '', calls: [{ name: 'now', arguments: '{}' }] });
  });

  it('keeps the text around calls as content, and several calls in order', () => {
    const parsed = parse(`Let me check.\n${sample.weatherCall}\n${sample.emptyCall}`);
    expect(parsed).toEqual({ content: 'Let me check.', calls: [WEATHER, { name: 'now', arguments: '{}' }] });
  });

  it('leaves a text without calls untouched', () => {
    const text = '  The weather in Paris is mild (about 20 degrees).\n';
    expect(parse(text)).toEqual({ content: text, calls: [] });
  });

  it('leaves in the text a call whose arguments are no JSON object', () => {
    for (const broken of [sample.weatherCall.replace('"city"', 'city'), sample.weatherCall.replace(/\{.*\}/, '[1, 2]')]) {
      expect(parse(`Answer: ${broken}`)).toEqual({ content: `Answer: ${broken}`, calls: [] });
    }
  });

  it('accepts a call whose closing the detokenized answer lost at its very end', () => {
    const cut = sample.weatherCall.slice(0, sample.weatherCall.lastIndexOf('}') + 1);
    expect(parse(cut).calls).toEqual([WEATHER]);
  });
});

describe('parseToolCalls on ChatML specifics', () => {
  const { functions } = samples.ChatMLChatWrapper;

  it('reads the alternate opening without a space, and braces inside strings', () => {
    expect(parseToolCalls('||call:note({"text": "a } and ) inside"})', functions).calls).toEqual([{ name: 'note', arguments: '{"text":"a } and ) inside"}' }]);
  });

  it('leaves a call followed by more text before its closing in the text', () => {
    const text = '||call: get_weather({"city": "Paris"} and more)';
    expect(parseToolCalls(text, functions)).toEqual({ content: text, calls: [] });
  });
});
