/** An HTTP reply received inside a namespace by the HTTP driver (http-driver.cjs). */
export interface HttpReply {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  /**
   * Milliseconds from sending the request to the last byte of the body, measured by the driver
   * inside the namespace (the pipe hop to this process is not included).
   */
  readonly elapsedMs: number;
  /** The body parsed as JSON; throws when it is not JSON. */
  json<T>(): T;
}

/** One line the driver wrote: a reply, or why the request got none. */
export type DriverLine =
  | { readonly id: number; readonly ok: true; readonly reply: HttpReply }
  | { readonly id: number; readonly ok: false; readonly error: string; readonly elapsedMs: number };

/**
 * Reads one stdout line of the driver; null for a line that is not one of its messages (the
 * driver writes nothing else, so that would be a bug worth ignoring rather than crashing on).
 */
export function parseDriverLine(line: string): DriverLine | null {
  let message: unknown;
  try {
    message = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof message !== 'object' || message === null) return null;
  const { id, status, headers, text, error, elapsedMs } = message as Record<string, unknown>;
  if (typeof id !== 'number') return null;
  const elapsed = typeof elapsedMs === 'number' ? elapsedMs : Number.NaN;
  if (typeof error === 'string') return { id, ok: false, error, elapsedMs: elapsed };
  if (typeof status !== 'number') return null;
  const body = typeof text === 'string' ? text : '';
  return {
    id,
    ok: true,
    reply: {
      status,
      headers: isStringRecord(headers) ? headers : {},
      text: body,
      elapsedMs: elapsed,
      json: <T>() => JSON.parse(body) as T,
    },
  };
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return typeof value === 'object' && value !== null && Object.values(value).every((entry) => typeof entry === 'string');
}
