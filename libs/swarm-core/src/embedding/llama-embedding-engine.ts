import { SwarmError, SwarmErrorCode } from '../errors/swarm-errors';
import { longestTokenChars } from '../engine/llama-engine';
import type { Llama, LlamaEmbeddingContext, LlamaModel } from '../engine/llama-types';
import { loadNodeLlamaCpp } from '../engine/node-llama-cpp';
import type { EmbeddingEngine } from './embedding-engine';

export interface LlamaEmbeddingOptions {
  /** Tokens one input may have; capped at what the model was trained on. */
  readonly contextSize: number;
  /** CPU threads; null: one per math core, as the swarm's engine uses. */
  readonly threads: number | null;
}

/**
 * Embeddings from a node-llama-cpp model: one embedding context (one sequence) over a model that
 * is either the swarm's own (shared weights, only a context more) or one loaded for embeddings.
 */
export class LlamaEmbeddingEngine implements EmbeddingEngine {
  readonly longestTokenChars: number;

  private constructor(
    private readonly model: LlamaModel,
    private readonly context: LlamaEmbeddingContext,
    private readonly contextTokens: number,
    /** Set when this engine loaded the model itself, and so frees it. */
    private readonly owned: { readonly llama: Llama } | null,
  ) {
    this.longestTokenChars = longestTokenChars(model);
  }

  /** An embedding context over a model that someone else loaded and frees. */
  static async onModel(model: LlamaModel, options: LlamaEmbeddingOptions): Promise<LlamaEmbeddingEngine> {
    return new LlamaEmbeddingEngine(model, await createContext(model, options), options.contextSize, null);
  }

  /** Loads a GGUF file (or `hf:` URI) for embeddings only. Throws SwarmError(ModelLoadFailed). */
  static async load(modelPath: string, options: LlamaEmbeddingOptions): Promise<LlamaEmbeddingEngine> {
    const lib = await loadNodeLlamaCpp();
    const llama = await lib.getLlama({ gpu: false, build: 'never', logLevel: lib.LlamaLogLevel.error });
    try {
      const model = await llama.loadModel({ modelPath: modelPath.startsWith('hf:') ? await lib.resolveModelFile(modelPath) : modelPath });
      return new LlamaEmbeddingEngine(model, await createContext(model, options), options.contextSize, { llama });
    } catch (error) {
      await llama.dispose();
      const reason = error instanceof Error ? error.message : String(error);
      throw new SwarmError(SwarmErrorCode.ModelLoadFailed, `cannot load embedding model ${modelPath}: ${reason}`, { cause: error });
    }
  }

  get dimensions(): number {
    return this.model.embeddingVectorSize;
  }

  get contextSize(): number {
    return contextSizeFor(this.model, this.contextTokens);
  }

  countTokens(text: string): number {
    return this.context.calculateInputLength(text);
  }

  async embed(text: string): Promise<readonly number[]> {
    return (await this.context.getEmbeddingFor(text)).vector;
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
    if (this.owned === null) return;
    await this.model.dispose();
    await this.owned.llama.dispose();
  }
}

/** The context asked for, no larger than what the model was trained on. */
function contextSizeFor(model: LlamaModel, asked: number): number {
  return Math.min(model.trainContextSize, asked);
}

function createContext(model: LlamaModel, options: LlamaEmbeddingOptions): Promise<LlamaEmbeddingContext> {
  return model.createEmbeddingContext({
    contextSize: contextSizeFor(model, options.contextSize),
    // As the swarm's engine does: node-llama-cpp's own default is every hardware thread, and
    // threads beyond the math cores spin against each other (an embedding took seconds, not ms).
    threads: options.threads ?? model.llama.cpuMathCores,
  });
}
