import type { CandidateToolCall } from '../candidate/candidate';
import { toolCallsKey } from './tool-calls-key';

function call(name: string, args: string): CandidateToolCall {
  return { name, arguments: args };
}

describe('toolCallsKey', () => {
  it('is the same for arguments with keys in another order, at every depth, and other spacing', () => {
    const a = toolCallsKey([call('book', '{"b":1,"a":{"y":[1,2],"x":null}}')]);
    const b = toolCallsKey([call('book', '{ "a": { "x": null, "y": [1, 2] }, "b": 1 }')]);
    expect(a).toBe(b);
    expect(a).toBe('[["book",{"a":{"x":null,"y":[1,2]},"b":1}]]');
  });

  it.each([
    ['another value', [call('f', '{"a":1}')], [call('f', '{"a":2}')]],
    ['another type of value', [call('f', '{"a":1}')], [call('f', '{"a":"1"}')]],
    ['another array order inside the arguments', [call('f', '{"a":[1,2]}')], [call('f', '{"a":[2,1]}')]],
    ['another function', [call('f', '{}')], [call('g', '{}')]],
    ['one call against the same call twice', [call('f', '{}')], [call('f', '{}'), call('f', '{}')]],
  ])('differs for %s', (_name, left, right) => {
    expect(toolCallsKey(left)).not.toBe(toolCallsKey(right));
  });

  it('ignores the order of parallel calls', () => {
    const weather = call('get_weather', '{"city":"Paris"}');
    const time = call('get_time', '{"city":"Paris"}');
    const lyon = call('get_weather', '{"city":"Lyon"}');
    expect(toolCallsKey([weather, time, lyon])).toBe(toolCallsKey([lyon, time, weather]));
  });

  it('keeps the raw text of arguments that are not a JSON object', () => {
    expect(toolCallsKey([call('f', '{"a":')])).toBe('[["f","{\\"a\\":"]]');
  });
});
