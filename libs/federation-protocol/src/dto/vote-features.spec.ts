import { FederationErrorCode } from '../errors/federation-error';
import { voteRequestWire, voteResponseWire, withField } from '../testing/wire-fixtures';
import { parseVoteRequest, parseVoteResponse, voteRequestToWire, voteResponseToWire } from './parse-messages';

const SCHEMA = { type: 'object', properties: { answer: { type: 'string' } }, required: ['answer'] };

/** A vote request carrying every new feature. */
function featureRequest(): Record<string, unknown> {
  return {
    ...voteRequestWire(),
    format: { kind: 'json_schema', name: 'answer', schema: SCHEMA, strict: true },
    tools: {
      tools: [{ name: 'get_weather', description: 'Weather of a city', parameters: { type: 'object', properties: { city: { type: 'string' } } } }, { name: 'now' }],
      choice: { name: 'get_weather' },
      parallel: false,
    },
    controls: { presence_penalty: 0.5, frequency_penalty: -0.5, logit_bias: { '15': -100, '42': 3.5 }, logprobs: { top: 2 } },
  };
}

/** A schema whose objects nest `depth` deep. */
function nested(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { type: 'string' };
  for (let level = 1; level < depth; level += 1) value = { type: 'array', items: value };
  return value;
}

function refusedParam(body: unknown): string | null {
  const result = parseVoteRequest(body);
  if (result.ok) throw new Error('expected a refusal');
  expect(result.error.code).toBe(FederationErrorCode.INVALID_MESSAGE);
  return result.error.param;
}

describe('vote request features (format, tools, controls)', () => {
  it('maps them to camelCase and back to the same wire body', () => {
    const parsed = parseVoteRequest(featureRequest());
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.format).toEqual({ kind: 'json_schema', name: 'answer', schema: SCHEMA, strict: true });
    expect(parsed.value.tools).toEqual({
      tools: [{ name: 'get_weather', description: 'Weather of a city', parameters: { type: 'object', properties: { city: { type: 'string' } } } }, { name: 'now' }],
      choice: { name: 'get_weather' },
      parallel: false,
    });
    expect(parsed.value.controls).toEqual({ presencePenalty: 0.5, frequencyPenalty: -0.5, logitBias: { 15: -100, 42: 3.5 }, logprobs: { top: 2 } });
    expect(voteRequestToWire(parsed.value, parsed.value.deadlineMs)).toEqual(featureRequest());
  });

  it('leaves absent, null and empty features out', () => {
    const parsed = parseVoteRequest({ ...voteRequestWire(), format: null, tools: null, controls: { logit_bias: {}, presence_penalty: null } });
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value).not.toHaveProperty('format');
    expect(parsed.value).not.toHaveProperty('tools');
    expect(parsed.value).not.toHaveProperty('controls');
  });

  it('accepts the bounds themselves', () => {
    const bias = Object.fromEntries(Array.from({ length: 300 }, (_, token) => [String(token), token % 2 === 0 ? 100 : -100]));
    const tools = Array.from({ length: 128 }, (_, index) => ({ name: `tool_${index}` }));
    const body = { ...featureRequest(), tools: { tools, choice: 'required', parallel: true }, controls: { logit_bias: bias, logprobs: { top: 20 }, presence_penalty: 2, frequency_penalty: -2 } };
    expect(parseVoteRequest(withField(body, 'format.schema', nested(32))).ok).toBe(true);
  });

  it('keeps a `__proto__` key of a schema as a key', () => {
    const body = JSON.parse(JSON.stringify(featureRequest()).replace('"properties":{"answer"', '"properties":{"__proto__":{"type":"string"},"answer"')) as unknown;
    const parsed = parseVoteRequest(body);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(Object.keys(parsed.value.format?.schema['properties'] as object)).toEqual(['__proto__', 'answer']);
  });

  const big = { type: 'object', description: 'x'.repeat(64 * 1024) };
  it.each([
    ['format.kind', 'json_object', 'format.kind'],
    ['format.name', 'has spaces', 'format.name'],
    ['format.schema', [], 'format.schema'],
    ['format.schema', big, 'format.schema'],
    ['format.schema', nested(33), 'format.schema'],
    ['format.strict', 'yes', 'format.strict'],
    ['tools.tools', [], 'tools.tools'],
    ['tools.tools', Array.from({ length: 129 }, (_, index) => ({ name: `t${index}` })), 'tools.tools'],
    ['tools.tools.0.name', 'get weather', 'tools.tools[0].name'],
    ['tools.tools.0.parameters', nested(33), 'tools.tools[0].parameters'],
    ['tools.tools.0.parameters', big, 'tools.tools[0].parameters'],
    ['tools.tools.1.name', 'get_weather', 'tools.tools[1].name'],
    ['tools.choice', 'sometimes', 'tools.choice'],
    ['tools.choice', { name: 'get_weather', extra: 1 }, 'tools.choice'],
    ['tools.choice', { name: 'unknown' }, 'tools.choice.name'],
    ['tools.parallel', undefined, 'tools.parallel'],
    ['controls.presence_penalty', 2.5, 'controls.presence_penalty'],
    ['controls.frequency_penalty', -3, 'controls.frequency_penalty'],
    ['controls.logit_bias', { '-1': 1 }, 'controls.logit_bias'],
    ['controls.logit_bias', { abc: 1 }, 'controls.logit_bias'],
    ['controls.logit_bias', { '7': 101 }, 'controls.logit_bias'],
    ['controls.logit_bias', { '7': '1' }, 'controls.logit_bias'],
    ['controls.logit_bias', Object.fromEntries(Array.from({ length: 301 }, (_, token) => [String(token), 1])), 'controls.logit_bias'],
    ['controls.logprobs.top', 21, 'controls.logprobs.top'],
    ['controls.logprobs.top', 1.5, 'controls.logprobs.top'],
  ])('refuses %s, naming the field (case %#)', (path, value, param) => {
    expect(refusedParam(withField(featureRequest(), path, value))).toBe(param);
  });
});

describe('vote reply extras (tool_calls, logprobs)', () => {
  const logprob = { token: 'Hi', logprob: -0.25, bytes: [72, 105], top: [{ token: 'Hi', logprob: -0.25, bytes: [72, 105] }] };
  function replyWithExtras(): Record<string, unknown> {
    const reply = voteResponseWire();
    return withField(withField(reply, 'votes.0.tool_calls', [{ name: 'get_weather', arguments: '{"city":"Paris"}' }]), 'votes.0.logprobs', [logprob]);
  }

  it('maps them to camelCase and back to the same wire body', () => {
    const parsed = parseVoteResponse(replyWithExtras());
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.votes[0]?.toolCalls).toEqual([{ name: 'get_weather', arguments: '{"city":"Paris"}' }]);
    expect(parsed.value.votes[0]?.logprobs).toEqual([logprob]);
    expect(parsed.value.votes[1]).not.toHaveProperty('toolCalls');
    expect(voteResponseToWire(parsed.value)).toEqual(replyWithExtras());
  });

  it.each([
    ['votes.0.tool_calls.0.name', '', 'votes[0].tool_calls[0].name'],
    ['votes.0.tool_calls.0.arguments', 7, 'votes[0].tool_calls[0].arguments'],
    ['votes.0.tool_calls', Array.from({ length: 65 }, () => ({ name: 'f', arguments: '{}' })), 'votes[0].tool_calls'],
    ['votes.0.logprobs.0.logprob', 0.5, 'votes[0].logprobs[0].logprob'],
    ['votes.0.logprobs.0.bytes', [256], 'votes[0].logprobs[0].bytes'],
    ['votes.0.logprobs.0.top', Array.from({ length: 21 }, () => ({ token: 'a', logprob: -1, bytes: [97] })), 'votes[0].logprobs[0].top'],
    ['votes.0.logprobs.0.top.0.token', 'x'.repeat(257), 'votes[0].logprobs[0].top[0].token'],
  ])('refuses %s, naming the field (case %#)', (path, value, param) => {
    const result = parseVoteResponse(withField(replyWithExtras(), path, value));
    if (result.ok) throw new Error('expected a refusal');
    expect(result.error.param).toBe(param);
  });
});
