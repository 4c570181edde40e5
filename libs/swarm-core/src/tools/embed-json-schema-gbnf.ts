/**
 * What node-llama-cpp's JSON-schema grammar appends after the JSON value: four newlines and any
 * more, its trick for stopping generation. Inside a tool call the call's suffix follows instead.
 */
const JSON_GRAMMAR_TERMINATOR = ' "\\n\\n\\n\\n" [\\n]*';

/** Rule names as node-llama-cpp's GBNF generator writes them (always starting with a letter). */
const RULE_NAME = /[A-Za-z][A-Za-z0-9-]*/y;

/**
 * The rules of one JSON-schema grammar (`LlamaJsonSchemaGrammar.grammar`) made embeddable in a
 * larger grammar: every rule name (definitions and references) gets `prefix`, so the rules of
 * several functions' schemas cannot collide, and the root no longer ends in the terminator.
 * The value's rule is `${prefix}root`. Throws if the grammar has no root ending in the
 * terminator (a node-llama-cpp whose output this code does not know).
 */
export function embedJsonSchemaGbnf(gbnf: string, prefix: string): string[] {
  const lines = gbnf.split('\n').filter((line) => line.trim() !== '');
  const [root, ...rest] = lines;
  if (root === undefined || !root.startsWith('root ::= ') || !root.endsWith(JSON_GRAMMAR_TERMINATOR)) {
    throw new Error('unexpected JSON-schema grammar from node-llama-cpp: its root does not end in the stop newlines');
  }
  return [root.slice(0, -JSON_GRAMMAR_TERMINATOR.length), ...rest].map((line) => renameRules(line, prefix));
}

/** Prefixes every rule name of one GBNF line, leaving string literals and character classes alone. */
function renameRules(line: string, prefix: string): string {
  let renamed = '';
  let index = 0;
  while (index < line.length) {
    const char = line.charAt(index);
    if (char === '"' || char === '[') {
      const end = closingIndex(line, index, char === '"' ? '"' : ']');
      renamed += line.slice(index, end);
      index = end;
      continue;
    }
    RULE_NAME.lastIndex = index;
    const name = RULE_NAME.exec(line)?.[0];
    if (name !== undefined) {
      renamed += prefix + name;
      index += name.length;
      continue;
    }
    renamed += char;
    index++;
  }
  return renamed;
}

/** The index after the `close` that ends the literal or class opened at `open`, skipping escapes. */
function closingIndex(line: string, open: number, close: string): number {
  for (let index = open + 1; index < line.length; index++) {
    if (line[index] === '\\') index++;
    else if (line[index] === close) return index + 1;
  }
  return line.length;
}
