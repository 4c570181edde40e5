/**
 * The arguments object of a tool call, parsed from its JSON text; undefined when the text is not
 * JSON or not an object (OpenAI's `arguments` is always the JSON text of an object).
 */
export function parseToolArguments(text: string): Readonly<Record<string, unknown>> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  return parsed as Readonly<Record<string, unknown>>;
}
