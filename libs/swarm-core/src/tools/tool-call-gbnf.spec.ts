import { embedJsonSchemaGbnf } from './embed-json-schema-gbnf';
import { gbnfLiteral } from './gbnf-literal';
import { toolCallGbnf } from './tool-call-gbnf';
import type { ToolCallSyntax } from './tool-call-syntax';

// node-llama-cpp 3.22's JSON-schema grammar for { city: string }, as LlamaJsonSchemaGrammar writes it.
const CITY_GBNF = [
  'root ::= "{" whitespace-b-1-4-rule "\\"city\\"" ":" [ ]? string-rule whitespace-b-0-4-rule "}" "\\n\\n\\n\\n" [\\n]*',
  'string-char-rule ::= [^"\\\\\\x7F\\x00-\\x1F] | "\\\\" ["\\\\/bfnrt] | "\\\\u" [0-9a-fA-F]{4}',
  'string-rule ::= "\\"" string-char-rule* "\\""',
  'whitespace-b-1-4-rule ::= [\\n] ("    " | "\\t") | [ ]?',
  'whitespace-b-0-4-rule ::= [\\n] | [ ]?',
].join('\n');

const chatml: ToolCallSyntax = { prefix: '||call: ', prefixAlternates: [], optionalPrefixSpace: true, paramsPrefix: '(', suffix: ')' };

describe('embedJsonSchemaGbnf', () => {
  it('prefixes every rule name, never text inside literals or classes, and drops the stop newlines', () => {
    const [root, stringChar] = embedJsonSchemaGbnf(CITY_GBNF, 'fn0-');
    expect(root).toBe('fn0-root ::= "{" fn0-whitespace-b-1-4-rule "\\"city\\"" ":" [ ]? fn0-string-rule fn0-whitespace-b-0-4-rule "}"');
    expect(stringChar).toBe('fn0-string-char-rule ::= [^"\\\\\\x7F\\x00-\\x1F] | "\\\\" ["\\\\/bfnrt] | "\\\\u" [0-9a-fA-F]{4}');
  });

  it('refuses a grammar whose root does not end in the stop newlines', () => {
    expect(() => embedJsonSchemaGbnf('root ::= "{" "}"', 'fn0-')).toThrow(/unexpected JSON-schema grammar/);
  });
});

describe('toolCallGbnf', () => {
  it('is the opening, one function by name, its params prefix, its arguments and the suffix', () => {
    const gbnf = toolCallGbnf(chatml, [{ name: 'get_weather', paramsGbnf: CITY_GBNF }, { name: 'get_time', paramsGbnf: CITY_GBNF }], true);
    const lines = gbnf.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'root ::= call',
      'call ::= "||call: " ( fn0-call | fn1-call )',
      'fn0-call ::= "get_weather" "(" fn0-root ")"',
    ]);
    expect(lines).toContain('fn1-call ::= "get_time" "(" fn1-root ")"');
    expect(lines.filter((line) => line.startsWith('fn1-'))).toHaveLength(6);
  });

  it('lays out several calls in the template call section only when parallel calls are allowed', () => {
    const parallelSyntax: ToolCallSyntax = { ...chatml, parallel: { sectionPrefix: '', betweenCalls: '\n', sectionSuffix: '' } };
    const functions = [{ name: 'get_weather', paramsGbnf: CITY_GBNF }];
    expect(toolCallGbnf(parallelSyntax, functions, true).split('\n')[0]).toBe('root ::= call ( "\\n" call )*');
    expect(toolCallGbnf(parallelSyntax, functions, false).split('\n')[0]).toBe('root ::= call');
  });

  it('needs a function', () => {
    expect(() => toolCallGbnf(chatml, [], false)).toThrow(/at least one function/);
  });
});

describe('gbnfLiteral', () => {
  it('escapes quotes, backslashes and control characters', () => {
    expect(gbnfLiteral('a"b\\c\nd\te\u0001')).toBe('"a\\"b\\\\c\\nd\\te\\x01"');
  });
});
