import type { Candidate, FinishReason } from '@local-swarm/consensus';
import { FederationErrorCode, type FederationClientError } from '@local-swarm/federation-protocol';
import {
  SwarmErrorCode,
  type CandidateSource,
  type CandidateSourceCallOptions,
  type GenerationRequest,
  type SourceOutcome,
} from '@local-swarm/swarm-core';
import axios, { type AxiosResponse } from 'axios';
import type { PeerCallObserver } from './peer-candidate-source';

/** Candidates asked of an OpenAI-compatible server per request (its `n`), until it says it takes fewer. */
const OPENAI_PEER_CANDIDATES = 3;
/** Replies above this are refused: a peer must not exhaust our memory. */
const MAX_REPLY_BYTES = 4 * 1024 * 1024;

/**
 * Any OpenAI-compatible server (Ollama, llama.cpp's server, vLLM) as a voter: the request goes
 * to its /chat/completions (or /completions) with `n`, each choice becomes a candidate. Such
 * servers report no token log-probabilities here, so their candidates carry `score: null` (and
 * best_of_n falls back to majority when they take part).
 */
export class OpenAiPeerSource implements CandidateSource {
  private inFlightCount = 0;
  /** Servers differ in how many choices they give (Ollama ignores `n`, some refuse large n): learnt per server. */
  private candidatesPerRequest = OPENAI_PEER_CANDIDATES;

  constructor(
    readonly id: string,
    private readonly baseUrl: string,
    private readonly deadlineMs: number,
    private readonly observer: PeerCallObserver,
    /** The server's model name as its /models lists it (health checks learn it); servers such as vLLM and Ollama need it. */
    private readonly modelName: () => string | null = () => null,
  ) {}

  get inFlight(): number {
    return this.inFlightCount;
  }

  async generate(request: GenerationRequest, call: CandidateSourceCallOptions): Promise<SourceOutcome> {
    this.inFlightCount += 1;
    try {
      const signal = AbortSignal.any([call.signal, AbortSignal.timeout(this.deadlineMs)]);
      let reply = await this.post(request, signal);
      if (reply.status === 400 && errorParam(reply.data) === 'n' && this.candidatesPerRequest > 1) {
        // The server refuses this many choices: ask for one from now on.
        this.candidatesPerRequest = 1;
        reply = await this.post(request, signal);
      }
      if (reply.status !== 200) {
        return this.fail(call, { code: FederationErrorCode.HTTP, message: `${this.baseUrl} answered HTTP ${reply.status}`, status: reply.status, peerMessage: null, peerCode: null });
      }
      const choices = parseChoices(reply.data, request.prompt.kind);
      if (choices === null) return this.fail(call, { code: FederationErrorCode.BAD_REPLY, message: `${this.baseUrl} sent a reply without usable choices`, param: 'choices', status: reply.status });
      const latencyMs = call.elapsedMs();
      const model = modelOf(reply.data) ?? this.id;
      const candidates = choices.map(
        (choice, index): Candidate => ({
          text: choice.text,
          score: null,
          source: this.id,
          sequence: index,
          model,
          finishReason: choice.finishReason,
          latencyMs,
        }),
      );
      for (const candidate of candidates) call.onCandidate?.(candidate);
      this.observer.onPeerSuccess(this.id);
      return { ok: true, candidates, usage: usageOf(reply.data) };
    } catch (error) {
      return this.fail(call, this.describeFailure(error, call.signal));
    } finally {
      this.inFlightCount -= 1;
    }
  }

  private post(request: GenerationRequest, signal: AbortSignal): Promise<AxiosResponse<unknown>> {
    return axios.post<unknown>(this.endpoint(request), this.body(request), {
      signal,
      maxContentLength: MAX_REPLY_BYTES,
      maxBodyLength: MAX_REPLY_BYTES,
      responseType: 'json',
      maxRedirects: 0,
      // LAN peers are reached directly: an HTTP_PROXY in the environment must not reroute them.
      proxy: false,
      validateStatus: () => true,
    });
  }

  private describeFailure(error: unknown, callerSignal: AbortSignal): FederationClientError {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof Error && (error.name === 'CanceledError' || error.name === 'AbortError') && !callerSignal.aborted) {
      return { code: FederationErrorCode.TIMEOUT, message, timeoutMs: this.deadlineMs };
    }
    // axios reports maxContentLength with this code and message.
    if (axios.isAxiosError(error) && (error.code === 'ERR_BAD_RESPONSE' || /maxContentLength/.test(message))) {
      return { code: FederationErrorCode.TOO_LARGE, message, limitBytes: MAX_REPLY_BYTES, direction: 'response' };
    }
    const cause = axios.isAxiosError(error) ? (error.code ?? null) : null;
    return { code: FederationErrorCode.REFUSED, message, cause };
  }

  private fail(call: CandidateSourceCallOptions, error: FederationClientError): SourceOutcome {
    if (!call.signal.aborted) this.observer.onPeerFailure(this.id, error);
    return { ok: false, failure: { code: SwarmErrorCode.SourceFailed, message: `OpenAI-compatible peer ${this.baseUrl}: ${error.message}` } };
  }

  private endpoint(request: GenerationRequest): string {
    return `${this.baseUrl.replace(/\/+$/, '')}/${request.prompt.kind === 'chat' ? 'chat/completions' : 'completions'}`;
  }

  private body(request: GenerationRequest): Record<string, unknown> {
    const common = {
      model: this.modelName() ?? 'default',
      n: this.candidatesPerRequest,
      max_tokens: request.maxTokens,
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.topP !== undefined ? { top_p: request.topP } : {}),
      ...(request.seed !== undefined ? { seed: request.seed } : {}),
      ...(request.stop !== undefined ? { stop: request.stop } : {}),
      ...(request.json === true ? { response_format: { type: 'json_object' } } : {}),
    };
    return request.prompt.kind === 'chat' ? { ...common, messages: request.prompt.messages } : { ...common, prompt: request.prompt.text };
  }
}

interface ParsedChoice {
  readonly text: string;
  readonly finishReason: FinishReason;
}

/** Reads `choices` defensively: a peer's reply is untrusted input. */
export function parseChoices(data: unknown, kind: 'chat' | 'text'): ParsedChoice[] | null {
  if (typeof data !== 'object' || data === null) return null;
  const choices = (data as { choices?: unknown }).choices;
  if (!Array.isArray(choices) || choices.length === 0 || choices.length > 64) return null;
  const parsed: ParsedChoice[] = [];
  for (const choice of choices as unknown[]) {
    if (typeof choice !== 'object' || choice === null) return null;
    const record = choice as { message?: { content?: unknown }; text?: unknown; finish_reason?: unknown };
    const text = kind === 'chat' ? record.message?.content : record.text;
    if (typeof text !== 'string') return null;
    parsed.push({ text, finishReason: record.finish_reason === 'length' ? 'length' : 'stop' });
  }
  return parsed;
}

/** `error.param` of an OpenAI-shaped error body, if any. */
function errorParam(data: unknown): string | null {
  const error = typeof data === 'object' && data !== null ? (data as { error?: unknown }).error : undefined;
  const param = typeof error === 'object' && error !== null ? (error as { param?: unknown }).param : undefined;
  return typeof param === 'string' ? param : null;
}

function modelOf(data: unknown): string | null {
  const model = typeof data === 'object' && data !== null ? (data as { model?: unknown }).model : undefined;
  return typeof model === 'string' && model.length <= 256 ? model : null;
}

function usageOf(data: unknown): { promptTokens: number; completionTokens: number } {
  const usage = typeof data === 'object' && data !== null ? (data as { usage?: unknown }).usage : undefined;
  const read = (key: string): number => {
    const value = typeof usage === 'object' && usage !== null ? (usage as Record<string, unknown>)[key] : undefined;
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
  };
  return { promptTokens: read('prompt_tokens'), completionTokens: read('completion_tokens') };
}
