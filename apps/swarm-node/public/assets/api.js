// The node's HTTP API as the page uses it. Same origin only: nothing else is ever fetched.

/** An API failure with the node's own message (OpenAI-shaped `error.message`). */
export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function call(method, url, body, headers = {}) {
  let response;
  try {
    response = await fetch(url, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError(`the node did not answer (${error instanceof Error ? error.message : String(error)})`, 0, null);
  }
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

export const removePeer = (nodeId) => call('DELETE', `/v1/federation/peers/${encodeURIComponent(nodeId)}`);

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
 * data; `onStatus('live' | 'reconnecting')` follows the connection. EventSource reconnects by itself.
 */
export function connectEvents(handlers, onStatus) {
  const source = new EventSource('/v1/dashboard/events');
  source.addEventListener('open', () => onStatus('live'));
  source.addEventListener('error', () => onStatus(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting'));
  for (const [name, handler] of Object.entries(handlers)) {
    source.addEventListener(name, (event) => {
      let data;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;
      }
      handler(data);
    });
  }
  return source;
}
