import { isPlainObject } from '../dto/validate-dto';
import { FederationErrorCode, type ClientResult } from '../errors/federation-error';
import { asModelId, openAiPeerId } from '../ids/peer-id';
import { silentFederationLogger, type FederationLogger } from '../logger/federation-logger';
import type { HealthReport } from '../messages/peer-health';
import { checkBaseUrl } from './check-base-url';
import type { HealthOptions } from './federation-client';
import { DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_RESPONSE_BYTES, PeerHttp } from './peer-http';

export interface OpenAiHealthClientOptions {
  /** The server's OpenAI base URL, e.g. `http://10.0.0.5:8080/v1`. */
  readonly baseUrl: string;
  /** Timeout of health() calls that name none. Default 1500 ms. */
  readonly timeoutMs?: number;
  /** Default 4 MiB. */
  readonly maxResponseBytes?: number;
  readonly logger?: FederationLogger;
}

/**
 * Health check of an OpenAI-compatible server (llama.cpp server, vLLM, Ollama…) added as
 * `openai+http://…`: `GET {baseUrl}/models`. Such a server has no node id, instance count or
 * load, so the report carries `openai:<baseUrl>` and nulls. Generation through it is the app's
 * adapter's job (it speaks /chat/completions); this lib only keeps the registry's status right.
 */
export class OpenAiHealthClient {
  readonly #http: PeerHttp;
  readonly #timeoutMs: number;
  readonly #logger: FederationLogger;

  constructor(options: OpenAiHealthClientOptions) {
    const baseUrl = checkBaseUrl(options.baseUrl, 'OpenAiHealthClient');
    this.#http = new PeerHttp({
      baseUrl,
      maxResponseBytes: options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      maxRequestBytes: DEFAULT_MAX_REQUEST_BYTES,
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
}
