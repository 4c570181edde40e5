import { openAiErrorParam, parseOpenAiCompletion } from '../dto/parse-openai-completion';
import { isPlainObject } from '../dto/validate-dto';
import { FederationErrorCode, type ClientResult } from '../errors/federation-error';
import { asModelId, openAiPeerId } from '../ids/peer-id';
import { silentFederationLogger, type FederationLogger } from '../logger/federation-logger';
import type { OpenAiCompletion, OpenAiCompletionRequest } from '../messages/openai-completion';
import type { HealthReport } from '../messages/peer-health';
import { checkBaseUrl } from './check-base-url';
import { openAiCompletionBody } from './openai-completion-body';
import type { HealthOptions } from './federation-client';
import {
  connectOptionsOf,
  DEFAULT_MAX_REQUEST_BYTES,
  DEFAULT_MAX_RESPONSE_BYTES,
  httpError,
  parseJsonReply,
  PeerHttp,
  type PeerConnectOptions,
  type RawReply,
} from './peer-http';

/** Choices asked per request (`n`), until the server says it takes fewer. */
const DEFAULT_CHOICES_PER_REQUEST = 3;

export interface OpenAiPeerClientOptions extends PeerConnectOptions {
  /**
   * The server's OpenAI base URL, e.g. `http://10.0.0.5:8080/v1` or `https://gpu-box.lan:443/v1`
   * (its certificate verified against Node's CA store or `tls.ca`, never skipped).
   */
  readonly baseUrl: string;
  /** Timeout of health() calls that name none. Default 1500 ms. */
  readonly timeoutMs?: number;
  /** Default 4 MiB. */
  readonly maxResponseBytes?: number;
  readonly logger?: FederationLogger;
  /**
   * The server's API key, sent as `Authorization: Bearer <key>` to this server only. Held by the
   * HTTP layer alone: no getter returns it and no error or log line carries it.
   */
  readonly apiKey?: string;
}

export interface CompleteOptions {
  /** Aborts the call (FEDERATION_ERR_ABORTED). */
  readonly signal?: AbortSignal;
  /** Milliseconds to wait for the answer, a retry with `n = 1` included (FEDERATION_ERR_TIMEOUT after). */
  readonly deadlineMs: number;
}

/**
 * Client of an OpenAI-compatible server (llama.cpp server, vLLM, Ollama…) added as
 * `openai+http://…` or `openai+https://…`, on the same hardened HTTP layer as FederationClient
 * (size cap, no proxy, no redirects, deadlines, address policy; over https a TLS failure is a
 * FEDERATION_ERR_REFUSED whose `cause` is the TLS reason). `health()` is `GET {baseUrl}/models`: such a server has no node id,
 * instance count or load, so the report carries `openai:<baseUrl>` and nulls. `complete()` asks
 * /chat/completions or /completions for several choices at once (`n`).
 */
export class OpenAiPeerClient {
  readonly #http: PeerHttp;
  readonly #timeoutMs: number;
  readonly #logger: FederationLogger;
  /** Servers differ in how many choices they give (Ollama ignores `n`, some refuse n > 1): learnt per server. */
  #choicesPerRequest = DEFAULT_CHOICES_PER_REQUEST;

  /** Choices (`n`) each request asks for now; a reply with more holds choices nobody asked for. */
  get choicesPerRequest(): number {
    return this.#choicesPerRequest;
  }

  constructor(options: OpenAiPeerClientOptions) {
    const baseUrl = checkBaseUrl(options.baseUrl, 'OpenAiPeerClient', ['http:', 'https:']);
    this.#http = new PeerHttp({
      ...connectOptionsOf(options),
      baseUrl,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      maxRequestBytes: DEFAULT_MAX_REQUEST_BYTES,
      ...(options.apiKey !== undefined && { headers: { authorization: `Bearer ${options.apiKey}` } }),
    });
    this.#timeoutMs = options.timeoutMs ?? 1500;
    this.#logger = options.logger ?? silentFederationLogger;
  }

  get baseUrl(): string {
    return this.#http.baseUrl;
  }

  async health(options: HealthOptions = {}): Promise<ClientResult<HealthReport>> {
    const started = performance.now();
    const reply = await this.#http.send({
      method: 'GET',
      path: '/models',
      timeoutMs: options.timeoutMs ?? this.#timeoutMs,
      signal: options.signal,
    });
    const rttMs = performance.now() - started;
    if (!reply.ok) {
      this.#logger.debug('openai peer health check failed', { peer: this.baseUrl, code: reply.error.code });
      return reply;
    }
    // OpenAI's list shape: { object: "list", data: [{ id: "model-name", ... }] }.
    const data = isPlainObject(reply.value.body) ? reply.value.body['data'] : undefined;
    if (!Array.isArray(data)) {
      return {
        ok: false,
        error: {
          code: FederationErrorCode.BAD_REPLY,
          message: `${this.baseUrl}/models did not answer an OpenAI model list`,
          param: 'data',
          status: reply.value.status,
        },
      };
    }
    const first: unknown = data[0];
    const id = isPlainObject(first) && typeof first['id'] === 'string' && first['id'] !== '' ? first['id'] : null;
    return {
      ok: true,
      value: {
        nodeId: openAiPeerId(this.baseUrl),
        modelId: id === null ? null : asModelId(id),
        instances: null,
        load: null,
        rttMs,
      },
    };
  }

  /**
   * Asks for `n` choices; a server that refuses `n` (a 400 naming it) is asked once more for one,
   * and for one from then on. Any status but 200 is FEDERATION_ERR_HTTP; a reply without usable
   * choices is FEDERATION_ERR_BAD_REPLY. Never rejects.
   */
  async complete(request: OpenAiCompletionRequest, options: CompleteOptions): Promise<ClientResult<OpenAiCompletion>> {
    const until = performance.now() + options.deadlineMs;
    let reply = await this.#post(request, options.signal, options.deadlineMs);
    if (reply.ok && reply.value.status === 400 && openAiErrorParam(reply.value.text) === 'n' && this.#choicesPerRequest > 1) {
      this.#choicesPerRequest = 1;
      reply = await this.#post(request, options.signal, until - performance.now());
    }
    if (!reply.ok) return reply;
    const { url, status, text } = reply.value;
    if (status !== 200) return { ok: false, error: httpError(url, status, text) };
    const json = parseJsonReply(reply.value);
    if (!json.ok) return json;
    const completion = parseOpenAiCompletion(json.value.body, request.prompt.kind);
    if (completion === null) {
      return { ok: false, error: { code: FederationErrorCode.BAD_REPLY, message: `${url} sent a reply without usable choices`, param: 'choices', status } };
    }
    return { ok: true, value: completion };
  }

  #post(request: OpenAiCompletionRequest, signal: AbortSignal | undefined, timeoutMs: number): Promise<ClientResult<RawReply>> {
    const path = request.prompt.kind === 'chat' ? '/chat/completions' : '/completions';
    return this.#http.exchange({ method: 'POST', path, body: openAiCompletionBody(request, this.#choicesPerRequest), timeoutMs, signal });
  }
}
