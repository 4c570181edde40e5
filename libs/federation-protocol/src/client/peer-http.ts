import { isIP } from 'node:net';
import axios, { AxiosError, type AxiosInstance } from 'axios';
import { peerAddressRefusal } from '../address/peer-address-policy';
import { FederationErrorCode, type ClientResult, type FederationClientError } from '../errors/federation-error';
import { isPlainObject } from '../dto/validate-dto';
import { ForbiddenAddressError } from './forbidden-address-error';
import { systemHostResolver, type HostResolver } from './guarded-lookup';
import { peerAgents, type PeerTlsOptions } from './peer-agents';
import { ExchangeTrace } from './exchange-trace';
import type { PhaseTimer } from './phase-timer';
import { tlsFailureCode } from './tls-failure';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from '../dto/json-depth';

/** Default cap on a reply body: 64 votes of a few KiB each fit many times over. */
export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;
/** Default cap on a request body we send (a long chat prompt fits). */
export const DEFAULT_MAX_REQUEST_BYTES = 4 * 1024 * 1024;

/** System error codes meaning "no connection to that peer" (libuv / getaddrinfo names). */
const CONNECTION_ERRORS: ReadonlySet<string> = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ETIMEDOUT', // the OS gave up connecting; our own deadline is a FEDERATION_ERR_TIMEOUT
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EADDRNOTAVAIL',
  'ECONNABORTED',
]);

/** Where a client may connect: every connection is checked against these, when it is made. */
export interface PeerConnectOptions {
  /**
   * Allow loopback peers (127.0.0.0/8, ::1): other nodes on this machine, tests. Default false:
   * only private (RFC 1918, ULA), CGNAT and link-local addresses, never a cloud metadata endpoint.
   */
  readonly allowLoopback?: boolean;
  /** Resolves a peer's host name when a connection is made. Default: the system resolver. */
  readonly resolveHost?: HostResolver;
  /** Trust for https peers (certificates are always verified). Default: Node's CA store. */
  readonly tls?: PeerTlsOptions;
}

/** Only the connect options of a client's options (which carry more). */
export function connectOptionsOf({ allowLoopback, resolveHost, tls }: PeerConnectOptions): PeerConnectOptions {
  return {
    ...(allowLoopback !== undefined && { allowLoopback }),
    ...(resolveHost !== undefined && { resolveHost }),
    ...(tls !== undefined && { tls }),
  };
}

export interface PeerHttpOptions extends PeerConnectOptions {
  readonly baseUrl: string;
  /** Headers sent on every request to this peer only (an OpenAI-compatible server's API key). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly maxResponseBytes: number;
  readonly maxRequestBytes: number;
}

/** A JSON reply with a 2xx status. */
export interface JsonReply {
  readonly status: number;
  readonly body: unknown;
  /** See RawReply. */
  readonly reusedConnection?: boolean;
}

/** Any HTTP reply, its body unread as JSON: for callers that judge the status themselves. */
export interface RawReply {
  /** The full URL asked, for error messages. */
  readonly url: string;
  readonly status: number;
  readonly text: string;
  /** Sent on a kept-alive connection; false when this request had to open one (TCP handshake, slow start). */
  readonly reusedConnection?: boolean;
}

export interface SendOptions {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: unknown;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal | undefined;
}

/**
 * The HTTP part shared by the federation and OpenAI-compatible clients: one axios instance per
 * peer, every failure turned into a FederationClientError value. Internal: the lib exports the clients, not this.
 */
export class PeerHttp {
  readonly #http: AxiosInstance;
  readonly #options: PeerHttpOptions;
  /** Why the base URL's IP literal may not be reached (Node resolves no literal, so the lookup never sees it); null when it may. */
  readonly #literalRefusal: ForbiddenAddressError | null;

  constructor(options: PeerHttpOptions) {
    this.#options = options;
    const policy = { allowLoopback: options.allowLoopback ?? false };
    this.#literalRefusal = literalRefusal(options.baseUrl, policy);
    this.#http = axios.create({
      baseURL: options.baseUrl,
      // The agents' lookup checks every address a host name resolves to, at connect time; https verifies the certificate.
      ...peerAgents(policy, options.resolveHost ?? systemHostResolver, options.tls),
      // Node's http adapter: the one that enforces maxContentLength while streaming.
      adapter: 'http',
      // Peers are on the LAN: an HTTP(S)_PROXY from the environment must not reroute them.
      proxy: false,
      // Peers never redirect; following one could leave the LAN.
      maxRedirects: 0,
      maxContentLength: options.maxResponseBytes,
      maxBodyLength: options.maxRequestBytes,
      // Deadlines come from AbortSignals, not axios' own timer.
      timeout: 0,
      // We parse and classify the body ourselves: garbage must be a BAD_REPLY, not an exception.
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      headers: { ...options.headers, accept: 'application/json' },
    });
  }

  get baseUrl(): string {
    return this.#options.baseUrl;
  }

  /**
   * Sends one request; resolves to the parsed JSON of a 2xx reply or to an error value. Never
   * rejects. `timer` gets the phases of `exchange`, then `parse`.
   */
  async send(options: SendOptions, timer?: PhaseTimer): Promise<ClientResult<JsonReply>> {
    const reply = await this.exchange(options, timer);
    if (!reply.ok) return reply;
    const json = interpretReply(reply.value);
    timer?.end('parse');
    return json.ok ? { ok: true, value: { ...json.value, reusedConnection: reply.value.reusedConnection ?? false } } : json;
  }

  /**
   * Sends one request; resolves to the reply whatever its status, or to an error value when
   * there is none (unreachable, too large, deadline, abort). Never rejects. `timer` gets the
   * phases `connect` (a socket ready: ~0 on a kept-alive one), `headers` (request sent, the peer's
   * work, the reply's headers back) and `body` (the reply read); `exchange` when the call failed
   * before its headers came.
   */
  async exchange(options: SendOptions, timer?: PhaseTimer): Promise<ClientResult<RawReply>> {
    const trace = timer === undefined ? undefined : new ExchangeTrace(this.#options.baseUrl.startsWith('https:'));
    const reply = await this.#exchange(options, trace);
    if (timer !== undefined && trace !== undefined) endExchangePhases(timer, trace);
    return reply;
  }

  async #exchange(options: SendOptions, trace: ExchangeTrace | undefined): Promise<ClientResult<RawReply>> {
    const url = `${this.#options.baseUrl}${options.path}`;
    const { signal } = options;
    if (signal?.aborted === true) return { ok: false, error: aborted(url) };
    if (this.#literalRefusal !== null) return { ok: false, error: forbidden(url, this.#literalRefusal) };
    const deadline = callDeadline(signal, options.timeoutMs);
    try {
      const response = await this.#http.request<unknown>({
        method: options.method,
        url: options.path,
        signal: deadline.signal,
        ...(trace !== undefined && { transport: trace }),
        ...(options.body !== undefined && {
          data: JSON.stringify(options.body),
          headers: { 'content-type': 'application/json' },
        }),
      });
      const text = typeof response.data === 'string' ? response.data : '';
      return { ok: true, value: { url, status: response.status, text, reusedConnection: reusedSocket(response.request) } };
    } catch (error: unknown) {
      // The caller's signal wins over the deadline: the caller asked, so it is not a peer failure.
      if (isAborted(signal)) return { ok: false, error: aborted(url) };
      if (deadline.timedOut()) {
        return {
          ok: false,
          error: {
            code: FederationErrorCode.TIMEOUT,
            message: `${options.method} ${url} got no reply within ${options.timeoutMs} ms`,
            timeoutMs: options.timeoutMs,
          },
        };
      }
      return { ok: false, error: classifyTransportError(url, error, this.#options) };
    } finally {
      deadline.dispose();
    }
  }
}

function endExchangePhases(timer: PhaseTimer, trace: ExchangeTrace): void {
  const { connectedAt, headersAt } = trace.marks;
  if (connectedAt === null || headersAt === null) {
    timer.end('exchange');
    return;
  }
  timer.end('connect', connectedAt);
  timer.end('headers', headersAt);
  timer.end('body');
}

interface CallDeadline {
  readonly signal: AbortSignal;
  timedOut(): boolean;
  dispose(): void;
}

/**
 * The caller's signal combined with a deadline: what `AbortSignal.any([signal,
 * AbortSignal.timeout(ms)])` does, by hand. On Node 20 `AbortSignal.any` leaks when one source
 * is long-lived (the health monitor's signal lives as long as the monitor: measured about 40 bytes a
 * call, never reclaimed, on Node 20.20); here every listener and timer is released per call.
 */
function callDeadline(callerSignal: AbortSignal | undefined, timeoutMs: number): CallDeadline {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new DOMException(`deadline of ${timeoutMs} ms passed`, 'TimeoutError'));
  }, Math.max(1, timeoutMs));
  timer.unref();
  const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', onCallerAbort);
    },
  };
}

/** Whether axios' Node request went out on a pooled socket (`ClientRequest.reusedSocket`). */
function reusedSocket(request: unknown): boolean {
  return typeof request === 'object' && request !== null && (request as { reusedSocket?: unknown }).reusedSocket === true;
}

/** A function, not an inline check: TypeScript would keep `aborted` narrowed to false across the await. */
function isAborted(signal: AbortSignal | undefined): boolean {
  return signal?.aborted === true;
}

function aborted(url: string): FederationClientError {
  return { code: FederationErrorCode.ABORTED, message: `request to ${url} aborted by the caller` };
}

function interpretReply({ url, status, text }: RawReply): ClientResult<JsonReply> {
  if (status >= 400) return { ok: false, error: httpError(url, status, text) };
  if (status < 200 || status >= 300) {
    return {
      ok: false,
      error: { code: FederationErrorCode.BAD_REPLY, message: `${url} answered HTTP ${status}`, param: null, status },
    };
  }
  return parseJsonReply({ url, status, text });
}

/** The JSON body of a reply, or BAD_REPLY when it is not JSON or nests deeper than MAX_JSON_DEPTH. */
export function parseJsonReply({ url, status, text }: RawReply): ClientResult<JsonReply> {
  // Checked on the text, before anything walks the parsed value recursively (the DTO validation
  // would overflow the stack on a reply nested a million levels deep).
  if (exceedsJsonDepth(text, MAX_JSON_DEPTH)) {
    return {
      ok: false,
      error: { code: FederationErrorCode.BAD_REPLY, message: `${url} answered JSON nested deeper than ${MAX_JSON_DEPTH} levels`, param: null, status },
    };
  }
  try {
    return { ok: true, value: { status, body: JSON.parse(text) as unknown } };
  } catch {
    return {
      ok: false,
      error: {
        code: FederationErrorCode.BAD_REPLY,
        message: `${url} answered HTTP ${status} with a body that is not JSON: ${snippet(text)}`,
        param: null,
        status,
      },
    };
  }
}

/**
 * An error status. Local Swarm nodes (and OpenAI-compatible servers) answer
 * `{ "error": { "message", "type", "code" } }`; keep its message and code. A peer that refuses
 * our protocol version says so with code FEDERATION_ERR_VERSION_MISMATCH.
 */
export function httpError(url: string, status: number, text: string): FederationClientError {
  let peerMessage: string | null = null;
  let peerCode: string | null = null;
  try {
    const body: unknown = JSON.parse(text);
    const error = isPlainObject(body) ? body['error'] : undefined;
    if (isPlainObject(error)) {
      if (typeof error['message'] === 'string') peerMessage = error['message'];
      if (typeof error['code'] === 'string') peerCode = error['code'];
    }
  } catch {
    // Not JSON: the status alone is the story; a snippet of the body goes into the message.
  }
  if (peerCode === FederationErrorCode.VERSION_MISMATCH) {
    return {
      code: FederationErrorCode.VERSION_MISMATCH,
      message: `${url} refused our protocol version: ${peerMessage ?? `HTTP ${status}`}`,
      peerProtocol: null,
    };
  }
  const detail = peerMessage ?? (text.trim() === '' ? 'no body' : snippet(text));
  return {
    code: FederationErrorCode.HTTP,
    message: `${url} answered HTTP ${status}: ${detail}`,
    status,
    peerMessage,
    peerCode,
  };
}

function literalRefusal(baseUrl: string, policy: { readonly allowLoopback: boolean }): ForbiddenAddressError | null {
  const { hostname } = new URL(baseUrl);
  const host = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  if (isIP(host) === 0) return null;
  const refusal = peerAddressRefusal(host, policy);
  return refusal === null ? null : new ForbiddenAddressError(host, refusal);
}

function forbidden(url: string, error: ForbiddenAddressError): FederationClientError {
  return { code: FederationErrorCode.FORBIDDEN_ADDRESS, message: `${url} not connected to: ${error.message}`, address: error.address };
}

/** The ForbiddenAddressError raised by the agent's lookup, however axios wrapped it. */
function forbiddenCause(error: unknown): ForbiddenAddressError | null {
  for (let current = error, depth = 0; typeof current === 'object' && current !== null && depth < 4; depth++) {
    if (current instanceof ForbiddenAddressError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

function classifyTransportError(url: string, error: unknown, limits: PeerHttpOptions): FederationClientError {
  const message = error instanceof Error ? error.message : String(error);
  const refused = forbiddenCause(error);
  if (refused !== null) return forbidden(url, refused);
  if (error instanceof AxiosError && /maxContentLength/.test(message)) {
    return {
      code: FederationErrorCode.TOO_LARGE,
      message: `${url} sent a reply larger than ${limits.maxResponseBytes} bytes`,
      limitBytes: limits.maxResponseBytes,
      direction: 'response',
    };
  }
  if (error instanceof AxiosError && /maxBodyLength/.test(message)) {
    return {
      code: FederationErrorCode.TOO_LARGE,
      message: `request to ${url} is larger than ${limits.maxRequestBytes} bytes`,
      limitBytes: limits.maxRequestBytes,
      direction: 'request',
    };
  }
  const tls = tlsFailureCode(error);
  if (tls !== null) return { code: FederationErrorCode.REFUSED, message: `${url} unreachable: TLS failed (${tls}): ${message}`, cause: tls };
  const cause = systemErrorCode(error);
  if ((cause !== null && CONNECTION_ERRORS.has(cause)) || /socket hang up|stream has been aborted/i.test(message)) {
    return { code: FederationErrorCode.REFUSED, message: `${url} unreachable: ${message}`, cause };
  }
  // Anything else is the peer speaking something that is not HTTP/JSON (a parser error…).
  return { code: FederationErrorCode.BAD_REPLY, message: `${url}: ${message}`, param: null, status: null };
}

/** `ECONNREFUSED` and friends, from the error or (AggregateError of happy eyeballs) its parts. */
function systemErrorCode(error: unknown): string | null {
  if (typeof error !== 'object' || error === null) return null;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && CONNECTION_ERRORS.has(code)) return code;
  const cause = (error as { cause?: unknown }).cause;
  if (cause !== undefined && cause !== error) {
    const nested = systemErrorCode(cause);
    if (nested !== null) return nested;
  }
  const inner = (error as { errors?: unknown }).errors;
  if (Array.isArray(inner)) {
    for (const item of inner) {
      const nested = systemErrorCode(item);
      if (nested !== null) return nested;
    }
  }
  return typeof code === 'string' ? code : null;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 200 ? `${flat.slice(0, 200)}…` : flat);
}
