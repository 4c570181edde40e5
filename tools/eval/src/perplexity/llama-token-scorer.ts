import type { ControlledEvaluateInputItem, Llama, LlamaContext, LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp' with { 'resolution-mode': 'import' };
import type { TokenScorer } from './token-scorer';

type NodeLlamaCpp = typeof import('node-llama-cpp', { with: { 'resolution-mode': 'import' } });

export interface LlamaScorerSettings {
  readonly modelPath: string;
  /** Context size of the one sequence: a window plus the BOS token, if the model wants one. */
  readonly contextSize: number;
  /** CPU threads; undefined: node-llama-cpp's count of math cores. */
  readonly threads: number | undefined;
}

/**
 * Next-token log-probabilities from node-llama-cpp, teacher-forced: the window is evaluated in one
 * controlledEvaluate call and, at each position to score, asks for the raw logit of the token that
 * actually follows, the logit of the greedy choice (the highest) and Σ exp(logit − max) over the
 * whole vocabulary. With no sampling options the sampler is greedy, which filters nothing, so
 * ln p = logit − max − ln Σ exp(logit − max) is the model's own softmax. The full probability map
 * would copy the vocabulary into JavaScript at every position, and asking for the top logit sorts
 * it there (five times slower); the greedy choice needs neither.
 */
export class LlamaTokenScorer implements TokenScorer {
  private constructor(
    private readonly llama: Llama,
    private readonly model: LlamaModel,
    private readonly context: LlamaContext,
    private readonly sequence: LlamaContextSequence,
  ) {}

  static async load(settings: LlamaScorerSettings): Promise<LlamaTokenScorer> {
    // ESM-only package: a real dynamic import from this CommonJS build (a static import would compile to require(), which node-llama-cpp's top-level await refuses).
    const lib: NodeLlamaCpp = await import('node-llama-cpp');
    const llama = await lib.getLlama({ gpu: false, build: 'never', logLevel: lib.LlamaLogLevel.error });
    const model = await llama.loadModel({ modelPath: settings.modelPath });
    const context = await model.createContext({
      sequences: 1,
      contextSize: settings.contextSize,
      batchSize: settings.contextSize,
      ...(settings.threads !== undefined ? { threads: settings.threads } : {}),
    });
    return new LlamaTokenScorer(llama, model, context, context.getSequence());
  }

  /** The text's tokens as the model reads plain text (no BOS: logProbabilities adds it per window). */
  tokenize(text: string): number[] {
    return this.model.tokenize(text).map(Number);
  }

  /** Tokens a window may hold: the context, less the BOS token when the model wants one. */
  get windowCapacity(): number {
    return this.context.contextSize - (this.bos === null ? 0 : 1);
  }

  private get bos(): Token | null {
    return this.model.tokens.shouldPrependBosToken ? this.model.tokens.bos : null;
  }

  async logProbabilities(tokens: readonly number[], scoreFrom: number): Promise<number[]> {
    await this.sequence.clearHistory();
    const bos = this.bos;
    const input: Token[] = [...(bos === null ? [] : [bos]), ...tokens.map((token) => token as Token)];
    const offset = input.length - tokens.length;
    // Position j predicts input[j + 1]: ask at every j whose next token is one to score.
    const items: ControlledEvaluateInputItem[] = input.map((token, index) => {
      const next = input[index + 1];
      if (next === undefined || index + 1 - offset < scoreFrom) return token;
      return [token, { generateNext: { logits: { filter: { tokens: [next], includeSelected: true } }, totalLogitWeight: true } }];
    });
    const outputs = await this.sequence.controlledEvaluate(items);
    const logProbabilities: number[] = [];
    for (let index = scoreFrom + offset - 1; index < input.length - 1; index++) {
      const next = outputs[index]?.next;
      const target = input[index + 1];
      const logit = target === undefined ? undefined : next?.logits?.get(target);
      const total = next?.totalLogitWeight;
      if (next?.logits === undefined || logit === undefined || total === undefined) throw new Error(`no logits at position ${index}`);
      const max = Math.max(...next.logits.values());
      logProbabilities.push(logit - max - Math.log(total));
    }
    return logProbabilities;
  }

  async dispose(): Promise<void> {
    await this.context.dispose();
    await this.model.dispose();
    await this.llama.dispose();
  }
}
