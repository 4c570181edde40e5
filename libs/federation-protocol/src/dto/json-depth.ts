const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/**
 * Deepest nesting of objects and arrays accepted in untrusted JSON (a request body, a peer's
 * reply). Real messages nest 4 or 5 levels; 64 leaves room for any JSON a user's tool may send.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * True when `text`, read as JSON, nests objects and arrays deeper than `maxDepth`. One pass over
 * the characters, nothing allocated, so it can run before JSON.parse: a deeply nested body would
 * otherwise reach code that walks it recursively (validation, transformation) and overflow the
 * stack. Brackets inside strings do not count; escapes inside strings are skipped. Invalid JSON is
 * left for the parser to refuse.
 */
export function exceedsJsonDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index += 1;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth -= 1;
    }
  }
  return false;
}
