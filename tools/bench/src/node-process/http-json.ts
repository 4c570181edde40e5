import { performance } from 'node:perf_hooks';

export interface JsonReply {
  readonly status: number;
  readonly body: unknown;
  /** Client-side wall time from sending the request to the parsed body, in ms. */
  readonly wallMs: number;
}

/** POSTs a JSON body and reads a JSON reply, timed by the client. Network errors throw. */
export async function postJson(url: string, body: unknown, timeoutMs = 120_000): Promise<JsonReply> {
  const startedAt = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const parsed: unknown = await response.json();
  return { status: response.status, body: parsed, wallMs: performance.now() - startedAt };
}

/** GETs a JSON document (health, models). Network errors throw. */
export async function getJson(url: string, timeoutMs = 10_000): Promise<JsonReply> {
  const startedAt = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const parsed: unknown = await response.json();
  return { status: response.status, body: parsed, wallMs: performance.now() - startedAt };
}
