import { performance } from 'node:perf_hooks';
import type { LlamaContextSequence, Llama, LlamaContext, LlamaModel, Token } from 'node-llama-cpp' with { 'resolution-mode': 'import' };

type NodeLlamaCpp = typeof import('node-llama-cpp', { with: { 'resolution-mode': 'import' } });

export interface InProcessSettings {
  readonly modelPath: string;
  readonly threads: number;
  /** Tokens of the one sequence (the node's --context-size). */
  readonly contextSize: number;
}

export interface SamplingSettings {
  readonly maxTokens: number;
  readonly temperature: number;
  readonly topP: number;
  readonly seed: number;
}

/** One timed generation. */
export interface TimedGeneration {
  readonly text: string;
  readonly completionTokens: number;
  /** From clearing the sequence to the detokenized text: prompt evaluation included. */
  readonly wallMs: number;
}

/**
 * The baseline: node-llama-cpp used directly in this process, as a program embedding it would,
 * without any Local Swarm code. It mirrors the node's settings (CPU prebuilt binary, one sequence
 * of `contextSize` tokens, the node's batch size, the same threads) so the only difference left
 * is what the node adds: HTTP, validation, queueing, consensus and bookkeeping.
 */
export class InProcessGenerator {
  private constructor(
    private readonly llama: Llama,
    private readonly model: LlamaModel,
    private readonly context: LlamaContext,
    private readonly sequence: LlamaContextSequence,
  ) {}

  static async load(settings: InProcessSettings): Promise<InProcessGenerator> {
    // ESM-only package: a real dynamic import from this CommonJS build (a static import would compile to require(), which node-llama-cpp's top-level await refuses).
    const lib: NodeLlamaCpp = await import('node-llama-cpp');
    const llama = await lib.getLlama({ gpu: false, build: 'never', logLevel: lib.LlamaLogLevel.error });
    const model = await llama.loadModel({ modelPath: settings.modelPath });
    const context = await model.createContext({
      sequences: 1,
      contextSize: settings.contextSize,
      threads: settings.threads,
      // The node's choice (libs/swarm-core LlamaEngine): a batch as large as the context.
      batchSize: Math.min(settings.contextSize, 2048),
    });
    return new InProcessGenerator(llama, model, context, context.getSequence());
  }

  /**
   * Generates from a raw text prompt (no chat template), tokenized as the node tokenizes
   * `/v1/completions` prompts: BOS first when the model wants one. With `withConfidence` it also
   * asks for each token's probability, as the node does for its scores.
   */
  async generate(prompt: string, sampling: SamplingSettings, withConfidence: boolean): Promise<TimedGeneration> {
    const startedAt = performance.now();
    await this.sequence.clearHistory();
    const tokens = this.model.tokenize(prompt);
    const bos = this.model.tokens.bos;
    const promptTokens = this.model.tokens.shouldPrependBosToken && bos !== null ? [bos, ...tokens] : tokens;
    const options = { temperature: sampling.temperature, topP: sampling.topP, seed: sampling.seed };
    const generated: Token[] = [];
    if (withConfidence) {
      for await (const step of this.sequence.evaluateWithMetadata(promptTokens, { confidence: true }, options)) {
        generated.push(step.token);
        if (generated.length >= sampling.maxTokens) break;
      }
    } else {
      // Stops by itself at an end-of-generation token, like the node.
      for await (const token of this.sequence.evaluate(promptTokens, options)) {
        generated.push(token);
        if (generated.length >= sampling.maxTokens) break;
      }
    }
    const text = this.model.detokenize(generated);
    return { text, completionTokens: generated.length, wallMs: performance.now() - startedAt };
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
    await this.model.dispose();
    await this.llama.dispose();
  }
}
