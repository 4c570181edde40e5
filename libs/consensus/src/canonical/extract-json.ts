import { COST_BOUNDS, headAndTail } from '../bounds/cost-bounds';

/** How many `{` positions to try when looking for an object inside prose; bounds the cost. */
const MAX_EMBEDDED_ATTEMPTS = 64;

function isStructured(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Index of the `}` closing the `{` at `start`, skipping braces inside JSON strings; -1 if unbalanced.
 */
function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '{') depth++;
    else if (ch === '}' && --depth === 0) return i;
  }
  return -1;
}

/**
 * The JSON object or array a text is or contains, else undefined.
 *
 * Tried in order: the whole text; each fenced code block (models love ```json fences); the first
 * non-empty object embedded in prose. Embedded arrays are not searched and embedded `{}` is
 * ignored: "see [1]" or "function f() {}" must not turn prose or code into a JSON answer.
 * The whole text is parsed whole (linear); fences and embedded objects are searched in the
 * canonical window only (see COST_BOUNDS.canonical), which bounds the brace matching.
 */
export function extractJson(text: string): object | undefined {
  const whole = tryParse(text.trim());
  if (isStructured(whole)) return whole;
  return extractFencedOrEmbedded(
    headAndTail(text, COST_BOUNDS.canonical.headChars, COST_BOUNDS.canonical.tailChars, '\n'),
  );
}

function extractFencedOrEmbedded(text: string): object | undefined {
  for (const fence of text.matchAll(/```[a-zA-Z]*[ \t]*\r?\n?([\s\S]*?)```/g)) {
    const fenced = tryParse((fence[1] ?? '').trim());
    if (isStructured(fenced)) return fenced;
  }

  let from = 0;
  for (let attempt = 0; attempt < MAX_EMBEDDED_ATTEMPTS; attempt++) {
    const start = text.indexOf('{', from);
    if (start < 0) break;
    const end = matchingBrace(text, start);
    if (end < 0) break;
    const embedded = tryParse(text.slice(start, end + 1));
    if (isStructured(embedded) && !Array.isArray(embedded) && Object.keys(embedded).length > 0) return embedded;
    from = start + 1;
  }
  return undefined;
}
