import { embedJsonSchemaGbnf } from './embed-json-schema-gbnf';
import { gbnfLiteral } from './gbnf-literal';
import { withFunctionName, type ToolCallSyntax } from './tool-call-syntax';

/** One function a constrained answer may call, with its parameters' JSON-schema grammar. */
export interface CallableFunction {
  readonly name: string;
  /** node-llama-cpp's GBNF for the parameters' schema (`LlamaJsonSchemaGrammar.grammar`). */
  readonly paramsGbnf: string;
}

/**
 * A GBNF grammar whose every sentence is a valid call in the chat template's own syntax: the
 * opening, one of `functions` by name, the params prefix, arguments matching that function's
 * schema, the suffix; with `parallel` (and a template that lays out several calls) one or more
 * such calls in the template's call section. Nothing else: the answer IS the call(s).
 */
export function toolCallGbnf(syntax: ToolCallSyntax, functions: readonly CallableFunction[], parallel: boolean): string {
  if (functions.length === 0) throw new Error('a tool-call grammar needs at least one function');
  const rules = functions.flatMap((fn, index) => {
    const prefix = `fn${index}-`;
    const call = sequence([gbnfLiteral(fn.name), literalOrNone(withFunctionName(syntax.paramsPrefix, fn.name)), `${prefix}root`, literalOrNone(withFunctionName(syntax.suffix, fn.name))]);
    return [`${prefix}call ::= ${call}`, ...embedJsonSchemaGbnf(fn.paramsGbnf, prefix)];
  });
  const anyCall = `call ::= ${sequence([literalOrNone(syntax.prefix), `( ${functions.map((_, index) => `fn${index}-call`).join(' | ')} )`])}`;
  const section = syntax.parallel;
  const root =
    parallel && section !== undefined
      ? sequence([literalOrNone(section.sectionPrefix), 'call', `( ${sequence([literalOrNone(section.betweenCalls), 'call'])} )*`, literalOrNone(section.sectionSuffix)])
      : 'call';
  return [`root ::= ${root}`, anyCall, ...rules].join('\n');
}

function literalOrNone(text: string): string {
  return text === '' ? '' : gbnfLiteral(text);
}

function sequence(parts: readonly string[]): string {
  return parts.filter((part) => part !== '').join(' ');
}
