import type { LlamaGrammar } from './llama-types';

/** How generation under a grammar ends besides the caller's own stop strings. */
export interface GrammarStops {
  /** The caller's stop strings, then the grammar's. */
  readonly stops: readonly string[];
  /** Trailing whitespace is cut from the answer. */
  readonly trimWhitespaceSuffix: boolean;
}

/**
 * node-llama-cpp's JSON grammars allow whitespace after the value without end, and a small model
 * rarely emits end-of-generation there: they declare "\n\n\n\n" as a stop trigger and ask for the
 * trailing whitespace to be trimmed. Honouring that ends a complete JSON answer as `stop` instead
 * of padding it with newlines up to max_tokens.
 */
export function grammarStops(stop: readonly string[], grammar: LlamaGrammar | undefined): GrammarStops {
  if (grammar === undefined) return { stops: stop, trimWhitespaceSuffix: false };
  const triggers: string[] = [];
  for (const trigger of grammar.stopGenerationTriggers) {
    // A trigger given as tokens has no text to look for: only text triggers are honoured.
    if (typeof trigger === 'string') triggers.push(trigger);
    else if (!Array.isArray(trigger)) triggers.push(trigger.toString());
  }
  return { stops: [...stop, ...triggers], trimWhitespaceSuffix: grammar.trimWhitespaceSuffix };
}
