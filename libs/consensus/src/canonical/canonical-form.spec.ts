import { canonicalForm, groupKeyOf, type CanonicalForm } from './canonical-form';
import { stableStringify } from './stable-stringify';

describe('canonicalForm', () => {
  const table: readonly (readonly [string, CanonicalForm])[] = [
    // number: the last number, or the first after an explicit answer marker
    ['42', { kind: 'number', key: '42' }],
    ['The answer is 42.', { kind: 'number', key: '42' }],
    ['6 times 7 is 42', { kind: 'number', key: '42' }],
    ['The answer is 42 because 6 times 7', { kind: 'number', key: '42' }],
    ['So the total is 1,234 apples', { kind: 'number', key: '1234' }],
    ['It costs 3.50 dollars', { kind: 'number', key: '3.5' }],
    ['x = 007.0', { kind: 'number', key: '7' }],
    ['The answer is -5', { kind: 'number', key: '-5' }],
    ['It is -0', { kind: 'number', key: '0' }],
    ['\\boxed{12}, and then 13 more steps', { kind: 'number', key: '12' }],
    ['Reasoning 1 2 3\n#### 18', { kind: 'number', key: '18' }],
    ['The result is 12345678901234567890', { kind: 'number', key: '12345678901234567890' }],
    ['GPT4 and H2O are names', { kind: 'text', key: 'gpt4 and h2o are names' }],
    // choice: labels, never bare articles or pronouns
    ['The answer is (B).', { kind: 'choice', key: 'B' }],
    ['Answer: B', { kind: 'choice', key: 'B' }],
    ['**Answer:** **C**', { kind: 'choice', key: 'C' }],
    ['answer: (d)', { kind: 'choice', key: 'D' }],
    ['b)', { kind: 'choice', key: 'B' }],
    ['C', { kind: 'choice', key: 'C' }],
    ['(B) Paris', { kind: 'choice', key: 'B' }],
    ['B. Paris, because it has 2 million people', { kind: 'choice', key: 'B' }],
    ['I pick (C) since 3 > 2', { kind: 'choice', key: 'C' }],
    ['The best choice is B', { kind: 'choice', key: 'B' }],
    ['Option A is wrong, so the answer is D', { kind: 'choice', key: 'D' }],
    ['The answer is a dog', { kind: 'text', key: 'the answer is a dog' }],
    ['A: Paris', { kind: 'text', key: 'a: paris' }],
    ['(A) red, (B) blue', { kind: 'text', key: '(a) red, (b) blue' }],
    ['A. red\nB. blue', { kind: 'text', key: 'a. red b. blue' }],
    ['Option A is wrong, option C is right', { kind: 'text', key: 'option a is wrong, option c is right' }],
    // yes/no
    ['Yes', { kind: 'yes_no', key: 'yes' }],
    ['yes, it is.', { kind: 'yes_no', key: 'yes' }],
    ['**No.** It has 3 sides.', { kind: 'yes_no', key: 'no' }],
    ['No it is not', { kind: 'yes_no', key: 'no' }],
    ['True', { kind: 'yes_no', key: 'yes' }],
    ['false.', { kind: 'yes_no', key: 'no' }],
    ['After thinking, the answer is no', { kind: 'yes_no', key: 'no' }],
    ['No one knows.', { kind: 'text', key: 'no one knows' }],
    ['None of them', { kind: 'text', key: 'none of them' }],
    ['Yesterday it rained', { kind: 'text', key: 'yesterday it rained' }],
    // json: whole, fenced, embedded object; keys sorted
    ['{"b":1,"a":2}', { kind: 'json', key: '{"a":2,"b":1}' }],
    [' [3, {"z": 1, "y": 2}] ', { kind: 'json', key: '[3,{"y":2,"z":1}]' }],
    ['```json\n{"b": 1, "a": 2}\n```', { kind: 'json', key: '{"a":2,"b":1}' }],
    ['Here you go: {"name": "x}", "n": 2} hope it helps', { kind: 'json', key: '{"n":2,"name":"x}"}' }],
    ['see [1]', { kind: 'number', key: '1' }],
    ['function f() {}', { kind: 'text', key: 'function f() {}' }],
    // text: lowercase, collapsed whitespace, trailing punctuation stripped
    ['Paris.', { kind: 'text', key: 'paris' }],
    ['  PARIS \n\t is   nice!! ', { kind: 'text', key: 'paris is nice' }],
    ['Ｐａｒｉｓ？', { kind: 'text', key: 'paris' }],
    ['', { kind: 'text', key: '' }],
  ];

  it.each(table)('%j -> %j', (text, expected) => {
    expect(canonicalForm(text)).toEqual(expected);
  });

  it('gives equal keys to differently worded equal answers', () => {
    const forms = ['The answer is 42.', 'I get 42', '**42**'].map(canonicalForm);
    expect(new Set(forms.map(groupKeyOf))).toEqual(new Set(['number:42']));
  });

  it('prefixes group keys with the kind so "b" text and choice B never share a group', () => {
    expect(groupKeyOf({ kind: 'choice', key: 'B' })).toBe('choice:B');
    expect(groupKeyOf({ kind: 'text', key: 'B' })).not.toBe(groupKeyOf({ kind: 'choice', key: 'B' }));
  });
});

describe('stableStringify', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(stableStringify({ b: [{ d: 1, c: 2 }, 1], a: null })).toBe('{"a":null,"b":[{"c":2,"d":1},1]}');
  });
});
