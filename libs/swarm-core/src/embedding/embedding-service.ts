import { SlotQueue, type AcquireFailureReason } from '../engine/slot-queue';
import { SwarmErrorCode, type SwarmFailure } from '../errors/swarm-errors';
import type { EmbeddingEngine } from './embedding-engine';
import { MAX_EMBEDDING_CHARACTERS, MAX_EMBEDDING_INPUTS } from './embedding-limits';
import { unitLength } from './unit-length';

/** Why a batch of inputs is refused before any is computed; `input` is the offending index. */
export interface EmbeddingRefusal {
  readonly reason: 'too_many_inputs' | 'too_many_characters' | 'input_too_long';
  readonly message: string;
  readonly input: number | null;
}

export type EmbeddingOutcome =
  | { readonly ok: true; readonly vectors: readonly number[][]; readonly promptTokens: number }
  | { readonly ok: false; readonly refusal: EmbeddingRefusal }
  | { readonly ok: false; readonly failure: SwarmFailure };

export interface EmbeddingCallOptions {
  readonly signal?: AbortSignal;
  /** Who asks, for the per-client share of the wait queue. */
  readonly clientKey?: string;
}

/**
 * Embeddings of texts, one batch at a time on one model context: a request waits its turn in a
 * fair queue of its own (bounded, one client at most half of it), so embeddings never run
 * unbounded beside the swarm's generations. Vectors come back at unit length, as OpenAI's do.
 */
export class EmbeddingService {
  private readonly queue: SlotQueue<EmbeddingEngine>;

  constructor(
    private readonly engine: EmbeddingEngine,
    private readonly maxQueue: number,
    /** Id of a model loaded for embeddings only; null: the swarm's own model computes them. */
    readonly modelId: string | null = null,
  ) {
    this.queue = new SlotQueue([engine], maxQueue);
  }

  /** Length of every vector this service returns. */
  get dimensions(): number {
    return this.engine.dimensions;
  }

  /** Tokens one input may have. */
  get contextSize(): number {
    return this.engine.contextSize;
  }

  /** Checks the batch, waits for the context, and embeds every input in order. Never rejects for the engine. */
  async embed(inputs: readonly string[], call: EmbeddingCallOptions = {}): Promise<EmbeddingOutcome> {
    const checked = this.countAll(inputs);
    if (!checked.ok) return checked;
    const acquired = await this.queue.acquire(1, call.signal, call.clientKey);
    if (!acquired.ok) return { ok: false, failure: this.acquireFailure(acquired.reason) };
    try {
      const vectors: number[][] = [];
      for (const input of inputs) {
        if (call.signal?.aborted === true) return { ok: false, failure: { code: SwarmErrorCode.Aborted, message: 'the request was cancelled' } };
        vectors.push(unitLength(await this.engine.embed(input)));
      }
      return { ok: true, vectors, promptTokens: checked.promptTokens };
    } catch (error) {
      return { ok: false, failure: { code: SwarmErrorCode.EngineFailed, message: `embedding failed: ${error instanceof Error ? error.message : String(error)}` } };
    } finally {
      this.queue.release(acquired.slots);
    }
  }

  /** Refuses new requests, answers the waiting ones, then frees the engine. */
  async dispose(): Promise<void> {
    this.queue.close();
    await this.engine.dispose();
  }

  /** The batch's tokens, or the first limit it breaks (cheap checks before tokenizing). */
  private countAll(inputs: readonly string[]): { ok: true; promptTokens: number } | { ok: false; refusal: EmbeddingRefusal } {
    if (inputs.length > MAX_EMBEDDING_INPUTS) {
      return refuse('too_many_inputs', `input must hold at most ${MAX_EMBEDDING_INPUTS} items, got ${inputs.length}`, null);
    }
    const characters = inputs.reduce((sum, input) => sum + input.length, 0);
    if (characters > MAX_EMBEDDING_CHARACTERS) {
      return refuse('too_many_characters', `input must have at most ${MAX_EMBEDDING_CHARACTERS} characters in all, got ${characters}`, null);
    }
    const contextSize = this.engine.contextSize;
    let promptTokens = 0;
    for (const [index, input] of inputs.entries()) {
      // Longer than the context times the longest token: more tokens than fit, without tokenizing.
      const tokens = input.length > contextSize * this.engine.longestTokenChars ? null : this.engine.countTokens(input);
      if (tokens === null || tokens >= contextSize) {
        const counted = tokens === null ? `${input.length} characters` : `${tokens} tokens`;
        return refuse('input_too_long', `input[${index}] has ${counted}; this model embeds fewer than ${contextSize} tokens per input`, index);
      }
      promptTokens += tokens;
    }
    return { ok: true, promptTokens };
  }

  private acquireFailure(reason: AcquireFailureReason): SwarmFailure {
    switch (reason) {
      case 'queue_full':
        return { code: SwarmErrorCode.QueueFull, message: `${this.maxQueue} embedding requests are waiting already; retry later`, retryAfterSeconds: 1 };
      case 'client_share_exceeded':
        return {
          code: SwarmErrorCode.ClientQueueShareExceeded,
          message: `this client already holds its share of the ${this.maxQueue} embedding waiting places; wait for an answer before sending more`,
          retryAfterSeconds: 1,
        };
      case 'aborted':
        return { code: SwarmErrorCode.Aborted, message: 'the request was cancelled while waiting for the embedding model' };
      case 'closed':
        return { code: SwarmErrorCode.NotReady, message: 'the node is shutting down' };
    }
  }
}

function refuse(reason: EmbeddingRefusal['reason'], message: string, input: number | null): { ok: false; refusal: EmbeddingRefusal } {
  return { ok: false, refusal: { reason, message, input } };
}
