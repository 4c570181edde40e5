// The node's HTTP API as the page uses it. Same origin only: nothing else is ever fetched.
import { authorizationFor, renewKey, storedKey } from './api-key.js';
import { readEventStream } from './event-stream.js';

/** Wait before the event stream reconnects after a drop. */
const RECONNECT_MS = 3000;

/** An API failure with the node's own message (OpenAI-shaped `error.message`). */
export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** A node with an API key answers 401 before doing anything, so a refused call is safe to send again. */
async function call(method, url, body, headers = {}, retried = false) {
  const key = storedKey();
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers, ...authorizationFor(key) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(`the node did not answer (${error instanceof Error ? error.message : String(error)})`, 0, null);
  }
  if (response.status === 401 && !retried && (await renewKey(key))) return call(method, url, body, headers, true);
  const text = await response.text();
  let parsed = null;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const message = parsed?.error?.message ?? `HTTP ${response.status}`;
    throw new ApiError(message, response.status, parsed?.error?.code ?? null);
  }
  return parsed;
}

export const getState = () => call('GET', '/v1/dashboard/state');

export const addPeer = (address) => call('POST', '/v1/federation/peers', { address });

/** Removes a peer; with `block`, also blocks it (refused from then on, also after restarts). */
export const removePeer = (nodeId, block = false) => call('DELETE', `/v1/federation/peers/${encodeURIComponent(nodeId)}${block ? '?block=true' : ''}`);

/** The command that adds a machine to this swarm; the node answers it to this machine's own browser only. */
export const getJoinCommand = () => call('GET', '/v1/federation/join');

export function sendChat({ prompt, strategy, maxTokens, requestId }) {
  const body = { messages: [{ role: 'user', content: prompt }], max_tokens: maxTokens };
  if (strategy) body.strategy = strategy;
  return call('POST', '/v1/chat/completions', body, { 'x-request-id': requestId });
}

/**
 * A request id the node accepts (`[A-Za-z0-9._:-]{1,128}`), so the page can pick this request's
 * candidates out of the event stream. getRandomValues works outside secure contexts too (the
 * node is plain http on the LAN, where crypto.randomUUID is missing).
 */
export function newRequestId() {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `dash-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Opens the dashboard event stream. `handlers` maps event names to callbacks taking the parsed
 * data; `onStatus('live' | 'reconnecting' | 'closed')` follows the connection. Read with fetch, so
 * the key goes in a header; reconnects after a drop, and asks for the key on a 401.
 */
export function connectEvents(handlers, onStatus) {
  const controller = new AbortController();
  const emit = (name, text) => {
    const handler = handlers[name];
    if (handler === undefined) return;
    let data;
    try {
      data = JSON.parse(text);
    } catch {
      return;
    }
    handler(data);
  };
  const follow = async () => {
    while (!controller.signal.aborted) {
      const key = storedKey();
      try {
        const response = await fetch('/v1/dashboard/events', {
          headers: { accept: 'text/event-stream', ...authorizationFor(key) },
          cache: 'no-store',
          signal: controller.signal,
        });
        if (response.status === 401) {
          if (await renewKey(key)) continue;
          onStatus('closed');
          return;
        }
        if (!response.ok || response.body === null) throw new Error(`HTTP ${response.status}`);
        onStatus('live');
        await readEventStream(response.body, emit);
      } catch {
        // A drop or a refusal (too many streams): try again below, like EventSource would.
      }
      if (controller.signal.aborted) return;
      onStatus('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
    }
  };
  void follow();
  return { close: () => controller.abort() };
}
