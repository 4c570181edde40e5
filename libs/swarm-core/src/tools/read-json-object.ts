/** Most closing braces tried per object: bounds the cost of a long answer full of braces. */
const MAX_ATTEMPTS = 256;

/**
 * The JSON object that starts at `start` and where it ends (the index after its closing brace),
 * or null when none does. The shortest text ending in `}` that parses is the object: a shorter
 * one would close it earlier.
 */
export function readJsonObject(text: string, start: number): { value: object; end: number } | null {
  if (text[start] !== '{') return null;
  let close = text.indexOf('}', start);
  for (let attempt = 0; close >= 0 && attempt < MAX_ATTEMPTS; attempt++) {
    const value = parseJson(text.slice(start, close + 1));
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { value, end: close + 1 };
    close = text.indexOf('}', close + 1);
  }
  return null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
