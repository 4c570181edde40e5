import type { Candidate } from '@local-swarm/consensus';
import { randomInt } from 'node:crypto';
import { grammarFor } from '../engine/grammar-for';
import { LlamaEngine, type CandidateSampling } from '../engine/llama-engine';
import type { Token } from '../engine/llama-types';
import { SlotQueue, type AcquireFailureReason } from '../engine/slot-queue';
import type { SwarmEngine } from '../engine/swarm-engine';
import type { TokenVocabulary } from '../engine/token-vocabulary';
import { SwarmErrorCode, type SwarmFailure } from '../errors/swarm-errors';
import { candidateSeed, DEFAULT_SAMPLING, type GenerationRequest, type Prompt } from '../generation/generation-request';
import { promptCharacters } from '../generation/prompt-characters';
import type { ToolRequest } from '../generation/tool-request';
import { silentLogger, type Logger } from '../logger/logger';
import { startEmbeddings } from '../embedding/start-embeddings';
import type { EmbeddingService } from '../embedding/embedding-service';
import type { CandidateSource, CandidateSourceCallOptions, SourceOutcome } from '../sources/candidate-source';

export interface SwarmOptions {
  /** GGUF path or `hf:` URI. */
  readonly modelPath: string;
  /** Id reported to clients (`GET /v1/models`) and stamped on candidates. */
  readonly modelId: string;
  /** Instances = sequences sharing one loaded model. */
  readonly instances: number;
  /** Tokens per instance. */
  readonly contextSize: number;
  /** CPU threads; null = node-llama-cpp's count of math cores. */
  readonly threads: number | null;
  /** Requests allowed to wait for free instances; more are refused (HTTP 429). */
  readonly maxQueue: number;
  readonly logger?: Logger;
  readonly onLoadProgress?: (fraction: number) => void;
  /**
   * SHA-256 of the model file (modelFileSha256), when known: stamped on every candidate so that
   * scores are compared only among candidates of the same weights, and shown to peers.
   */
  readonly modelSha256?: string;
  /**
   * GGUF path or `hf:` URI of a model loaded for `embeddings` only; absent or null: the swarm's
   * own model serves them too (one more context, no second copy of the weights).
   */
  readonly embeddingModel?: string | null;
}

/** What the swarm is, for banners, `/health` and (later) mDNS TXT records. */
export interface SwarmInfo {
  readonly modelId: string;
  readonly modelPath: string;
  readonly instances: number;
  readonly contextSize: number;
  readonly modelBytes: number;
  readonly chatTemplate: string;
  /** SHA-256 of the model file; null when the node was not given it. */
  readonly modelSha256: string | null;
}

/** Live load figures, for `/health`, 429 decisions and later the `balance` mode. */
export interface SwarmLoad {
  readonly busyInstances: number;
  readonly capacity: number;
  readonly queuedRequests: number;
  readonly maxQueue: number;
}

/** Local source id: candidates from this node's own instances carry it as `source`. */
export const LOCAL_SOURCE_ID = 'local';

/** A prompt's token count, or why it cannot fit in one instance's context at all. */
export type PromptMeasure = { ok: true; promptTokens: number } | { ok: false; failure: SwarmFailure };

/** Options of a swarm built on an engine that is already loaded (`Swarm.start` loads its own). */
export type SwarmEngineOptions = Pick<SwarmOptions, 'modelPath' | 'modelId' | 'maxQueue' | 'logger' | 'modelSha256'>;

/**
 * This node's instances: one model, N sequences of one context. A request takes k sequences
 * (its candidates) from a fair queue, generates on all of them at once (batched decoding),
 * and gives them back. It knows nothing of HTTP, voting or peers.
 */
export class Swarm implements CandidateSource {
  readonly id: string;
  private readonly queue: SlotQueue<unknown>;
  private readonly logger: Logger;
  /** Running mean of a request's service time, for Retry-After hints. */
  private meanServiceMs = 2000;
  /**
   * Tokens of each prompt this swarm has tokenized, kept as long as the prompt object lives
   * (with the tools rendered into it: the same prompt with other tools is tokenized again).
   * Tokenizing is synchronous and linear in the prompt: the API's default max_tokens, check()
   * and generate() (and a peer's vote, check() then generate()) all reuse one tokenization.
   */
  private readonly tokenized = new WeakMap<Prompt, { readonly tools: ToolRequest | undefined; readonly tokens: readonly Token[] }>();

  private constructor(
    private readonly engine: SwarmEngine<unknown>,
    private readonly options: SwarmEngineOptions,
    sourceId: string,
    /** Embeddings of texts (`/v1/embeddings`); null: this swarm's model cannot compute them. */
    readonly embeddings: EmbeddingService | null = null,
  ) {
    this.id = sourceId;
    this.logger = options.logger ?? silentLogger;
    this.queue = new SlotQueue(engine.sequences, options.maxQueue);
  }

  /** A swarm over an engine that is already loaded (a fake one in unit specs). */
  static onEngine<S>(engine: SwarmEngine<S>, options: SwarmEngineOptions, sourceId: string = LOCAL_SOURCE_ID, embeddings: EmbeddingService | null = null): Swarm {
    return new Swarm(engine, options, sourceId, embeddings);
  }

  /** Loads the model and creates the instances. Throws SwarmError(ModelLoadFailed) on a bad model. */
  static async start(options: SwarmOptions, sourceId: string = LOCAL_SOURCE_ID): Promise<Swarm> {
    const engine = await LlamaEngine.load({
      modelPath: options.modelPath,
      sequences: options.instances,
      contextSize: options.contextSize,
      threads: options.threads,
      logger: options.logger ?? silentLogger,
      ...(options.onLoadProgress ? { onLoadProgress: options.onLoadProgress } : {}),
    });
    const embeddings = await startEmbeddings(engine.model, options).catch(async (error: unknown) => {
      await engine.dispose();
      throw error;
    });
    return new Swarm(engine, options, sourceId, embeddings);
  }

  get info(): SwarmInfo {
    return {
      modelId: this.options.modelId,
      modelPath: this.options.modelPath,
      instances: this.queue.capacity,
      contextSize: this.engine.contextSize,
      modelBytes: this.engine.modelBytes,
      chatTemplate: this.engine.chatTemplateName,
      modelSha256: this.options.modelSha256 ?? null,
    };
  }

  /** The model's token ids, to check a client's logit_bias before it reaches the sampler. */
  get vocabulary(): TokenVocabulary {
    return this.engine.vocabulary;
  }

  get load(): SwarmLoad {
    return {
      busyInstances: this.queue.capacity - this.queue.freeCount,
      capacity: this.queue.capacity,
      queuedRequests: this.queue.waitingCount,
      maxQueue: this.options.maxQueue,
    };
  }

  /**
   * Counts the prompt's tokens (e.g. for a default max_tokens that fits), or refuses, without
   * tokenizing, a prompt whose length alone shows it cannot fit in the context.
   */
  measurePrompt(prompt: Prompt, tools?: ToolRequest): PromptMeasure {
    const measured = this.tokenize(prompt, tools);
    return measured.ok ? { ok: true, promptTokens: measured.tokens.length } : measured;
  }

  /**
   * Checks a request against the swarm's limits without generating.
   * Returns the prompt's tokens when it fits, or the failure the API should report.
   */
  check(request: GenerationRequest): { ok: true; promptTokens: number } | { ok: false; failure: SwarmFailure } {
    const checked = this.checkAndTokenize(request);
    return checked.ok ? { ok: true, promptTokens: checked.tokens.length } : checked;
  }

  /** The check, keeping the prompt's tokens so generation need not tokenize it again. */
  private checkAndTokenize(request: GenerationRequest): { ok: true; tokens: readonly Token[] } | { ok: false; failure: SwarmFailure } {
    if (request.candidates < 1 || request.candidates > this.queue.capacity) {
      return {
        ok: false,
        failure: {
          code: SwarmErrorCode.TooManyCandidates,
          message: `${request.candidates} candidates requested; this node has ${this.queue.capacity} instances`,
        },
      };
    }
    const tokenized = this.tokenize(request.prompt, request.tools);
    if (!tokenized.ok) return tokenized;
    const promptTokens = tokenized.tokens.length;
    if (promptTokens + request.maxTokens > this.engine.contextSize) {
      return {
        ok: false,
        failure: {
          code: SwarmErrorCode.ContextLengthExceeded,
          message:
            `This model's context is ${this.engine.contextSize} tokens per instance; the prompt has ` +
            `${promptTokens} tokens and max_tokens asks for ${request.maxTokens}. Shorten the prompt or lower max_tokens.`,
        },
      };
    }
    return tokenized;
  }

  /** The prompt's tokens, tokenized at most once per prompt object. */
  private tokenize(prompt: Prompt, tools: ToolRequest | undefined): { ok: true; tokens: readonly Token[] } | { ok: false; failure: SwarmFailure } {
    const known = this.tokenized.get(prompt);
    if (known !== undefined && known.tools === tools) return { ok: true, tokens: known.tokens };
    // No token stands for more than longestTokenChars characters, so a prompt longer than the
    // context times that has more tokens than the context holds: refused before the costly
    // tokenization, and never a prompt that would fit.
    const characters = promptCharacters(prompt);
    const mostCharacters = this.engine.contextSize * this.engine.longestTokenChars;
    if (characters > mostCharacters) {
      return {
        ok: false,
        failure: {
          code: SwarmErrorCode.ContextLengthExceeded,
          message:
            `This model's context is ${this.engine.contextSize} tokens per instance, at most ${mostCharacters} characters; ` +
            `the prompt has ${characters} characters. Shorten the prompt.`,
        },
      };
    }
    const tokens = this.engine.tokenize(prompt, tools);
    this.tokenized.set(prompt, { tools, tokens });
    return { ok: true, tokens };
  }

  /** Exactly the candidates asked for (a request for more than this node has is refused). */
  expectedCandidates(request: GenerationRequest): number {
    return request.candidates;
  }

  async generate(request: GenerationRequest, call: CandidateSourceCallOptions): Promise<SourceOutcome> {
    const checked = this.checkAndTokenize(request);
    if (!checked.ok) return checked;
    const promptTokens = checked.tokens;

    const acquired = await this.queue.acquire(request.candidates, call.signal, request.clientKey);
    if (!acquired.ok) return { ok: false, failure: this.acquireFailure(acquired.reason, request.clientKey) };

    const startedAt = Date.now();
    try {
      const baseSeed = request.seed ?? randomInt(0, 2 ** 31);
      const grammar = grammarFor(request);
      const sampling = (index: number): CandidateSampling => ({
        maxTokens: request.maxTokens,
        temperature: request.temperature ?? DEFAULT_SAMPLING.temperature,
        topP: request.topP ?? DEFAULT_SAMPLING.topP,
        seed: candidateSeed(baseSeed, index),
        stop: request.stop ?? [],
        ...(grammar !== undefined ? { grammar } : {}),
        ...(request.controls !== undefined ? { controls: request.controls } : {}),
        ...(request.tools !== undefined ? { tools: request.tools } : {}),
      });
      // One lock-step loop: each decode step carries every live candidate's next token.
      const raws = this.engine.generateBatch(
        acquired.slots.map((sequence, index) => ({ sequence, sampling: sampling(index) })),
        promptTokens,
        call.signal,
      );
      const candidates = await Promise.all(
        raws.map(async (pending, index): Promise<Candidate> => {
          const raw = await pending;
          if (raw.error !== undefined) this.logger.warn('candidate failed', { index, error: raw.error });
          const candidate: Candidate = {
            text: raw.text,
            score: raw.meanLogProb,
            source: this.id,
            sequence: index,
            model: this.options.modelId,
            ...(this.options.modelSha256 !== undefined ? { modelHash: this.options.modelSha256 } : {}),
            finishReason: raw.finishReason,
            latencyMs: call.elapsedMs(),
            completionTokens: raw.completionTokens,
            ...(raw.logprobs !== undefined ? { logprobs: raw.logprobs } : {}),
            ...(raw.toolCalls !== undefined ? { toolCalls: raw.toolCalls } : {}),
          };
          call.onCandidate?.(candidate);
          return candidate;
        }),
      );
      return {
        ok: true,
        candidates,
        usage: {
          promptTokens: promptTokens.length,
          completionTokens: candidates.reduce((sum, c) => sum + (c.completionTokens ?? 0), 0),
        },
      };
    } finally {
      this.queue.release(acquired.slots);
      // Exponential moving average: recent requests matter most for a retry hint.
      this.meanServiceMs = 0.8 * this.meanServiceMs + 0.2 * (Date.now() - startedAt);
    }
  }

  /**
   * Refuses new requests and answers every waiting one first, then lets the engine stop the
   * running generations, wait for them and free the model.
   */
  async stop(): Promise<void> {
    this.queue.close();
    await this.embeddings?.dispose();
    await this.engine.dispose();
  }

  private acquireFailure(reason: AcquireFailureReason, clientKey: string | undefined): SwarmFailure {
    switch (reason) {
      case 'queue_full':
        return {
          code: SwarmErrorCode.QueueFull,
          message: `all ${this.queue.capacity} instances are busy and ${this.queue.waitingCount} requests are waiting; retry later`,
          retryAfterSeconds: this.retryAfterSeconds(),
        };
      case 'client_share_exceeded':
        return {
          code: SwarmErrorCode.ClientQueueShareExceeded,
          message:
            `this client already has ${clientKey === undefined ? 0 : this.queue.waitingFor(clientKey)} requests waiting, ` +
            `its share of the ${this.options.maxQueue} waiting places; wait for an answer before sending more`,
          retryAfterSeconds: this.retryAfterSeconds(),
        };
      case 'aborted':
        return { code: SwarmErrorCode.Aborted, message: 'the request was cancelled while waiting for instances' };
      case 'closed':
        return { code: SwarmErrorCode.NotReady, message: 'the swarm is shutting down' };
    }
  }

  /** Everyone waiting ahead must be served first: hint at that, at least a second. */
  private retryAfterSeconds(): number {
    return Math.max(1, Math.ceil((this.meanServiceMs * (this.queue.waitingCount + 1)) / 1000));
  }
}
