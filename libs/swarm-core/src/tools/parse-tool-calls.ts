import { stableStringify, type CandidateToolCall } from '@local-swarm/consensus';
import { readJsonObject } from './read-json-object';
import { toolCallSyntax, withFunctionName, type FunctionCallSettings, type ToolCallSyntax } from './tool-call-syntax';

/** An answer split into its text and the calls it makes. */
export interface ParsedToolCalls {
  /** The text outside the calls, trimmed; the whole text, untouched, when there are no calls. */
  readonly content: string;
  /** The calls in order; `arguments` is the canonical JSON text of the params object. */
  readonly calls: readonly CandidateToolCall[];
}

/** Names OpenAI allows for a function (plus dots, which some templates' own examples use). */
const FUNCTION_NAME = /^[A-Za-z0-9_.-]+/;

/**
 * Finds the function calls a model wrote in its chat template's syntax (`wrapperSettings` is
 * the wrapper's `settings.functions`). A call whose name, arguments (a JSON object) or closing
 * do not parse is left in the text. The closing may be missing at the very end of the text:
 * templates whose suffix ends in a special token (Llama 3.1's `<|eom_id|>`) lose it when the
 * answer is detokenized without special tokens.
 */
export function parseToolCalls(text: string, wrapperSettings: FunctionCallSettings): ParsedToolCalls {
  const syntax = toolCallSyntax(wrapperSettings);
  const openings = [syntax.prefix, ...syntax.prefixAlternates].filter((opening) => opening !== '');
  const calls: CandidateToolCall[] = [];
  const outside: string[] = [];
  let searchFrom = 0;
  let copiedUpTo = 0;
  while (searchFrom < text.length) {
    const found = nextOpening(text, openings, searchFrom);
    if (found === null) break;
    const call = readCall(text, found.index + found.opening.length, syntax);
    if (call === null) {
      searchFrom = found.index + 1;
      continue;
    }
    outside.push(text.slice(copiedUpTo, found.index));
    calls.push(call.call);
    copiedUpTo = searchFrom = call.end;
  }
  if (calls.length === 0) return { content: text, calls };
  outside.push(text.slice(copiedUpTo));
  const separators = syntax.parallel ? [syntax.parallel.sectionPrefix, syntax.parallel.sectionSuffix] : [];
  return { content: withoutAll(outside.join(''), separators).trim(), calls };
}

function nextOpening(text: string, openings: readonly string[], from: number): { index: number; opening: string } | null {
  let best: { index: number; opening: string } | null = null;
  for (const opening of openings) {
    const index = text.indexOf(opening, from);
    // At one index the longest opening wins: `||call: ` over `||call:`.
    if (index >= 0 && (best === null || index < best.index || (index === best.index && opening.length > best.opening.length))) {
      best = { index, opening };
    }
  }
  return best;
}

function readCall(text: string, start: number, syntax: ToolCallSyntax): { call: CandidateToolCall; end: number } | null {
  let at = start;
  if (syntax.optionalPrefixSpace && text[at] === ' ') at++;
  const name = FUNCTION_NAME.exec(text.slice(at))?.[0];
  if (name === undefined) return null;
  at += name.length;
  const paramsPrefix = withFunctionName(syntax.paramsPrefix, name);
  if (!text.startsWith(paramsPrefix, at)) return null;
  at = skipSpaces(text, at + paramsPrefix.length);
  const suffix = withFunctionName(syntax.suffix, name);
  // No object at all is a call without arguments, as templates write one (`now()`).
  let params: object = {};
  if (text[at] === '{') {
    const object = readJsonObject(text, at);
    if (object === null) return null;
    params = object.value;
    at = object.end;
  }
  const closed = closingEnd(text, at, suffix);
  if (closed === null) return null;
  return { call: { name, arguments: stableStringify(params) }, end: closed };
}

/** After the arguments: the suffix, or (at the end of the text) the part of it the answer kept. */
function closingEnd(text: string, at: number, suffix: string): number | null {
  if (text.startsWith(suffix, at)) return at + suffix.length;
  const rest = text.slice(at).trim();
  return suffix.trim().startsWith(rest) ? text.length : null;
}

function skipSpaces(text: string, at: number): number {
  while (text[at] === ' ' || text[at] === '\n') at++;
  return at;
}

function withoutAll(text: string, separators: readonly string[]): string {
  return separators.filter((separator) => separator.trim() !== '').reduce((rest, separator) => rest.split(separator).join(''), text);
}
