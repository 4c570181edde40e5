import type { CandidateToolCall, FinishReason } from '@local-swarm/consensus';
import { SwarmError, SwarmErrorCode } from '../errors/swarm-errors';
import type { Prompt } from '../generation/generation-request';
import type { ToolRequest } from '../generation/tool-request';
import type { SamplingControls, TokenLogprob } from '../generation/sampling-controls';
import type { Logger } from '../logger/logger';
import { chatHistoryOf } from '../tools/chat-history-of';
import { chatModelFunctions } from '../tools/chat-model-functions';
import { toolAnswer, type ToolAnswer } from '../tools/tool-answer';
import { compileGrammar } from './compile-grammar';
import { GrammarCache } from './grammar-cache';
import { CandidateProgress } from './candidate-progress';
import { grammarStops } from './grammar-stops';
import type { OutputGrammar } from './grammar-for';
import type {
  ChatWrapper,
  Llama,
  LlamaContext,
  LlamaContextSequence,
  LlamaGrammar,
  LlamaModel,
  Token,
} from './llama-types';
import { loadNodeLlamaCpp, type NodeLlamaCpp } from './node-llama-cpp';
import { runLockStep, type LockStepCandidate } from './lock-step-loop';
import type { LoopProfile } from './loop-profile';
import { RunningWork } from './running-work';
import { evaluateOptionsFor, metadataFor, type EvaluationStep } from './sampling-options';
import type { BatchJob, SwarmEngine } from './swarm-engine';
import type { TokenVocabulary } from './token-vocabulary';
import { TokenLogprobRecorder } from './token-logprob-recorder';

export interface LlamaEngineOptions {
  /** Path of a GGUF file (or an `hf:` URI, resolved by node-llama-cpp where a hub is reachable). */
  readonly modelPath: string;
  /** Sequences (instances) in the shared context. */
  readonly sequences: number;
  /** Tokens per sequence. */
  readonly contextSize: number;
  /** CPU threads for decoding; null = one per available core. */
  readonly threads: number | null;
  readonly logger: Logger;
  /** Called with 0..1 while weights load. */
  readonly onLoadProgress?: (fraction: number) => void;
  /** Where the lock-step loop's time goes, for benchmarks; undefined: not measured. */
  readonly loopProfile?: LoopProfile;
}

/** Sampling settings of one candidate, already resolved (defaults applied, seed chosen). */
export interface CandidateSampling {
  readonly maxTokens: number;
  readonly temperature: number;
  readonly topP: number;
  readonly seed: number;
  readonly stop: readonly string[];
  /** What the output must match (see grammarFor); undefined: free text. */
  readonly grammar?: OutputGrammar;
  /** Penalties, token biases and logprobs; undefined: none. */
  readonly controls?: SamplingControls;
  /** Tools the request offered: the answer is parsed for calls in the template's syntax. */
  readonly tools?: ToolRequest;
}

/** What one sequence produced. */
export interface RawCandidate {
  readonly text: string;
  /** Mean natural-log probability of the generated tokens; null when nothing was generated. */
  readonly meanLogProb: number | null;
  readonly completionTokens: number;
  readonly finishReason: FinishReason;
  readonly error?: string;
  /** Per-token log-probabilities of `text`, when the sampling asked for them. */
  readonly logprobs?: readonly TokenLogprob[];
  /** The calls the answer makes (then `text` is only the text around them); undefined: none. */
  readonly toolCalls?: readonly CandidateToolCall[];
}

/**
 * Characters per token assumed when a GGUF file lists no vocabulary: far above any real token
 * (the longest ones are runs of spaces or dashes, tens of characters), so the bound it gives
 * never refuses a prompt that fits.
 */
const FALLBACK_LONGEST_TOKEN_CHARS = 1024;

/**
 * The longest vocabulary entry, in characters of its GGUF spelling. That spelling is never
 * shorter than the text the token stands for: byte-level BPE writes one character per byte
 * (and a JavaScript string has at most one UTF-16 unit per UTF-8 byte), SentencePiece writes a
 * space as one "▁" and a raw byte as "<0xAB>".
 */
export function longestTokenChars(model: LlamaModel): number {
  const vocabulary = model.fileInfo.metadata.tokenizer?.ggml?.tokens;
  if (vocabulary === undefined || vocabulary.length === 0) return FALLBACK_LONGEST_TOKEN_CHARS;
  let longest = 1;
  for (const token of vocabulary) longest = Math.max(longest, token.length);
  return longest;
}

/**
 * One loaded model and one context with N sequences. Weights are loaded once and shared;
 * each sequence has its own KV cache. node-llama-cpp batches the decode steps of sequences
 * that generate at the same time, so N candidates cost less than N separate runs.
 */
export class LlamaEngine implements SwarmEngine<LlamaContextSequence> {
  private readonly grammars: GrammarCache<LlamaGrammar>;
  /** Running generations: dispose() stops and awaits them before freeing the context. */
  private readonly work = new RunningWork();
  readonly longestTokenChars: number;
  readonly vocabulary: TokenVocabulary;

  private constructor(
    private readonly lib: NodeLlamaCpp,
    private readonly llama: Llama,
    readonly model: LlamaModel,
    private readonly context: LlamaContext,
    readonly sequences: readonly LlamaContextSequence[],
    private readonly chatWrapper: ChatWrapper,
    private readonly loopProfile: LoopProfile | undefined,
  ) {
    this.longestTokenChars = longestTokenChars(model);
    this.vocabulary = {
      size: model.fileInfo.metadata.tokenizer?.ggml?.tokens?.length ?? 0,
      isEndOfGeneration: (token) => model.isEogToken(token as Token),
    };
    this.grammars = new GrammarCache((grammar) => compileGrammar(llama, grammar, chatWrapper));
  }

  static async load(options: LlamaEngineOptions): Promise<LlamaEngine> {
    const lib = await loadNodeLlamaCpp();
    // CPU prebuilt binary only: `build: "never"` so a missing binary fails fast instead of
    // trying to download and compile llama.cpp (which cannot work offline).
    const llama = await lib.getLlama({ gpu: false, build: 'never', logLevel: lib.LlamaLogLevel.error });
    let model: LlamaModel;
    try {
      const modelPath = options.modelPath.startsWith('hf:')
        ? await lib.resolveModelFile(options.modelPath)
        : options.modelPath;
      model = await llama.loadModel({
        modelPath,
        ...(options.onLoadProgress ? { onLoadProgress: options.onLoadProgress } : {}),
      });
    } catch (error) {
      await llama.dispose();
      throw new SwarmError(SwarmErrorCode.ModelLoadFailed, `cannot load model ${options.modelPath}: ${describe(error)}`, {
        cause: error,
      });
    }
    const threads = options.threads ?? llama.cpuMathCores;
    const context = await model.createContext({
      sequences: options.sequences,
      contextSize: options.contextSize,
      threads,
      // Prompts are evaluated once per sequence; a batch this large fits a whole prompt.
      batchSize: Math.min(options.contextSize, 2048),
    });
    const sequences = Array.from({ length: options.sequences }, () => context.getSequence());
    const chatWrapper = lib.resolveChatWrapper(model);
    options.logger.debug('engine loaded', {
      chatWrapper: chatWrapper.wrapperName,
      threads,
      contextSize: context.contextSize,
      sequences: options.sequences,
    });
    return new LlamaEngine(lib, llama, model, context, sequences, chatWrapper, options.loopProfile);
  }

  /** Bytes the weights take (for sizing and the banner). */
  get modelBytes(): number {
    return this.model.size;
  }

  /** Tokens of one sequence's context. */
  get contextSize(): number {
    return this.context.contextSize;
  }

  /** Name of the chat template in use, e.g. "ChatML". */
  get chatTemplateName(): string {
    return this.chatWrapper.wrapperName;
  }

  /**
   * Formats a prompt with the model's chat template (chat) or as is (text), then tokenizes. The
   * template documents the tools the model may call, and renders earlier calls and their results.
   */
  tokenize(prompt: Prompt, tools?: ToolRequest): Token[] {
    if (prompt.kind === 'text') {
      const tokens = this.model.tokenize(prompt.text);
      const bos = this.model.tokens.bos;
      return this.model.tokens.shouldPrependBosToken && bos !== null ? [bos, ...tokens] : tokens;
    }
    const availableFunctions = chatModelFunctions(tools);
    const { contextText } = this.chatWrapper.generateContextState({
      chatHistory: chatHistoryOf(prompt.messages),
      ...(availableFunctions !== undefined ? { availableFunctions, documentFunctionParams: true } : {}),
    });
    return contextText.tokenize(this.model.tokenizer);
  }

  /**
   * Generates one candidate on `sequence` from a clean state. Never throws for generation
   * failures: they come back as `finishReason: "error"` so one bad sequence can't sink a vote.
   */
  async generate(
    sequence: LlamaContextSequence,
    promptTokens: readonly Token[],
    sampling: CandidateSampling,
    signal: AbortSignal,
  ): Promise<RawCandidate> {
    const progress = this.progressFor(sampling);
    // The loop ends by itself only when the model emits an end-of-generation token.
    let finishReason: FinishReason = 'stop';
    try {
      await sequence.clearHistory();
      const grammar = sampling.grammar !== undefined ? await this.grammars.get(sampling.grammar) : undefined;
      progress.ending = grammarStops(sampling.stop, grammar);
      const steps: AsyncGenerator<EvaluationStep, void, void> = sequence.evaluateWithMetadata(
        [...promptTokens],
        metadataFor(sampling),
        evaluateOptionsFor(this.lib, this.model, sampling, grammar, () => progress.tokens),
      );
      for await (const step of steps) {
        if (signal.aborted) {
          finishReason = 'cancelled';
          break;
        }
        const ending = progress.add(step);
        if (ending !== null) {
          finishReason = ending;
          break;
        }
      }
    } catch (error) {
      return progress.result('error', describe(error));
    }
    const candidate = progress.result(finishReason);
    return { ...candidate, ...this.toolAnswer(candidate.text, sampling) };
  }

  /**
   * Generates one candidate per sequence in lock step (see runLockStep): the prompt is decoded
   * once and its KV cells copied to the other sequences. Each candidate keeps one sampler (its own
   * seed, grammar, penalties and biases) for the whole generation: a sampler per step would cost a
   * 576 KiB native buffer per token that only a full V8 garbage collection frees (node-llama-cpp's
   * AddonSampler), i.e. RSS growing by hundreds of MiB per request.
   * Limit measured on 2 cores: a decode step of 4 tokens costs ~1.8x one of 1 token with Q4_1
   * weights (no repacked batched matrix kernel on this CPU), so 4 candidates take ~1.8x the time
   * of one, not ~1x; `consensus-cost` measures the loop against that floor.
   * Returns one promise per sequence, settled as that candidate finishes; never rejects.
   */
  generateBatch(
    jobs: readonly BatchJob<LlamaContextSequence>[],
    promptTokens: readonly Token[],
    callerSignal: AbortSignal,
  ): Promise<RawCandidate>[] {
    // Disposing the engine stops every generation at its next step.
    const signal = this.work.signalFor(callerSignal);
    const lastToken = promptTokens[promptTokens.length - 1];
    // One candidate gains nothing from lock step and the shared prompt.
    if (lastToken === undefined || jobs.length === 1) {
      return jobs.map((job) => this.work.track(this.generate(job.sequence, promptTokens, job.sampling, signal)));
    }
    const resolvers: ((candidate: RawCandidate) => void)[] = [];
    const promises = jobs.map(() => new Promise<RawCandidate>((accept) => resolvers.push(accept)));
    const settle = (index: number, candidate: RawCandidate): void => resolvers[index]?.(candidate);
    // Kept, not left floating: dispose() waits for it. A failure no step caught still settles
    // every candidate (settling twice is a no-op), so no caller waits forever.
    const failAll = (error: unknown): void =>
      jobs.forEach((_, index) => settle(index, { text: '', meanLogProb: null, completionTokens: 0, finishReason: 'error', error: describe(error) }));
    void this.work.track(this.runBatch(jobs, promptTokens, lastToken, signal, settle).catch(failAll));
    return promises;
  }

  private async runBatch(
    jobs: readonly BatchJob<LlamaContextSequence>[],
    promptTokens: readonly Token[],
    lastToken: Token,
    signal: AbortSignal,
    settle: (index: number, candidate: RawCandidate) => void,
  ): Promise<void> {
    const sequences = jobs.map((job) => job.sequence);
    const progresses = jobs.map((job) => this.progressFor(job.sampling));
    const finish = (index: number, finishReason: FinishReason, error?: unknown): void => {
      const progress = progresses[index];
      const sampling = jobs[index]?.sampling;
      if (progress === undefined || sampling === undefined) return;
      const candidate = progress.result(finishReason, error !== undefined ? describe(error) : undefined);
      settle(index, { ...candidate, ...this.toolAnswer(candidate.text, sampling) });
    };
    const candidates: LockStepCandidate[] = [];
    try {
      await Promise.all(sequences.map((sequence) => sequence.clearHistory()));
      await this.evaluateSharedPrompt(sequences, promptTokens.slice(0, -1));
      // Candidates of one request share their grammar: the cache compiles it once.
      const grammars = await Promise.all(jobs.map((job) => (job.sampling.grammar !== undefined ? this.grammars.get(job.sampling.grammar) : undefined)));
      jobs.forEach((job, index) => {
        const progress = progresses[index];
        if (progress === undefined) return;
        progress.ending = grammarStops(job.sampling.stop, grammars[index]);
        const steps = job.sequence.evaluateWithMetadata(
          [lastToken],
          metadataFor(job.sampling),
          evaluateOptionsFor(this.lib, this.model, job.sampling, grammars[index], () => progress.tokens),
        );
        candidates.push({ steps, add: (step) => progress.add(step), finish: (reason, error) => finish(index, reason, error) });
      });
    } catch (error) {
      for (const candidate of candidates) void candidate.steps.return(undefined).catch(() => undefined);
      jobs.forEach((_, index) => finish(index, 'error', error));
      return;
    }
    await runLockStep(candidates, signal, this.loopProfile);
  }

  /** Decodes the prompt once on the first sequence and copies its KV cells to the others. */
  private async evaluateSharedPrompt(sequences: readonly LlamaContextSequence[], head: Token[]): Promise<void> {
    const [first, ...rest] = sequences;
    if (head.length === 0 || first === undefined) return;
    await first.evaluateWithoutGeneratingNewTokens(head);
    const pending: LlamaContextSequence[] = [];
    for (const sequence of rest) {
      // node-llama-cpp's internal KV copy (llama_memory_seq_cp); evaluate instead where it is missing or fails.
      const copy = (sequence as unknown as InternalSequence)._copyStateFromOtherSequence;
      const copied = typeof copy === 'function' ? await copy.call(sequence, first, head.length).catch(() => false) : false;
      if (!copied) pending.push(sequence);
    }
    if (pending.length > 0) {
      await Promise.all(pending.map((sequence) => sequence.clearHistory()));
      await Promise.all(pending.map((sequence) => sequence.evaluateWithoutGeneratingNewTokens(head)));
    }
  }

  /** Stops running generations and waits for them (never rejecting), then frees the model. */
  async dispose(): Promise<void> {
    await this.work.drain();
    await this.context.dispose();
    await this.model.dispose();
    await this.llama.dispose();
  }

  /** The answer's text, and the calls it makes when the request offered tools. */
  private toolAnswer(text: string, sampling: CandidateSampling): ToolAnswer {
    return toolAnswer(text, this.chatWrapper.settings.functions, sampling.tools);
  }

  /** A candidate's answer as it grows, with a logprob recorder when the sampling asks for them. */
  private progressFor(sampling: CandidateSampling): CandidateProgress {
    const asked = sampling.controls?.logprobs;
    const logprobs = asked === undefined ? undefined : new TokenLogprobRecorder(this.model, asked.top);
    return new CandidateProgress(this.model, sampling.maxTokens, grammarStops(sampling.stop, undefined), logprobs);
  }
}

interface InternalSequence {
  _copyStateFromOtherSequence?: (other: LlamaContextSequence, upToTokenIndex: number) => Promise<boolean>;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
