import type { Candidate, FinishReason, TokenLogprob } from '@local-swarm/consensus';
import {
  LOCAL_SOURCE_ID,
  SwarmErrorCode,
  type CandidateSourceCallOptions,
  type EmbeddingService,
  type GenerationRequest,
  type Prompt,
  type PromptMeasure,
  type SourceOutcome,
  type SwarmFailure,
  type SwarmInfo,
  type SwarmLoad,
} from '@local-swarm/swarm-core';
import type { LocalSwarm } from '../core/core.tokens';

/** What one canned candidate says; the rest of the Candidate is filled in by the fake. */
export interface CannedCandidate {
  readonly text: string;
  /** Mean token log-probability; default -0.5. */
  readonly score?: number | null;
  /** Default 'stop' (the consensus lib drops 'length' candidates before voting). */
  readonly finishReason?: FinishReason;
  /** Default 10 * (sequence + 1). */
  readonly latencyMs?: number;
  /** Default: the text's length in characters. */
  readonly completionTokens?: number;
  /** Per-token log-probabilities; default none. */
  readonly logprobs?: readonly TokenLogprob[];
}

export interface FakeSwarmOptions {
  /** Default 'fake-model'. */
  readonly modelId?: string;
  /** Default 3. */
  readonly instances?: number;
  /** Default 2048. */
  readonly contextSize?: number;
  /** Tokens any prompt counts as; default 12. */
  readonly promptTokens?: number;
  /** Default: "5", "5", "six" — a 2/3 majority for "5", while "six" has the best score. */
  readonly candidates?: readonly CannedCandidate[];
  /** SHA-256 of the model file; default none. */
  readonly modelSha256?: string;
  /** What serves /v1/embeddings; default none (the endpoint refuses). */
  readonly embeddings?: EmbeddingService;
}

/** Three candidates: "5" wins majority (2 of 3), "six" wins best_of_n (highest score). */
export const DEFAULT_CANNED_CANDIDATES: readonly CannedCandidate[] = [
  { text: '5', score: -0.9, latencyMs: 30, completionTokens: 2 },
  { text: '5', score: -0.7, latencyMs: 20, completionTokens: 3 },
  { text: 'six', score: -0.1, latencyMs: 10, completionTokens: 4 },
];

/**
 * An in-memory stand-in for the local `Swarm`: the `LocalSwarm` surface the HTTP layer uses, plus
 * `stop()` for the app module's lifecycle hook. No model, canned candidates, optional failure.
 * Its `check` mirrors the real limits (candidates vs instances, prompt + max_tokens vs context).
 */
export class FakeSwarm implements LocalSwarm {
  readonly id = LOCAL_SOURCE_ID;
  readonly info: SwarmInfo;
  /** A vocabulary of 1000 tokens where token 2 ends generation. */
  readonly vocabulary = { size: 1000, isEndOfGeneration: (token: number): boolean => token === 2 };
  readonly embeddings: EmbeddingService | null;
  /** Requests that reached generate(), oldest first. */
  readonly requests: GenerationRequest[] = [];
  candidates: readonly CannedCandidate[];
  /** When set, generate() fails with it instead of answering. */
  failure: SwarmFailure | null = null;
  stopped = false;
  /** Prompts tokenized, counted as the real Swarm does: once per prompt object it is given. */
  tokenizations = 0;
  private readonly promptTokens: number;
  private readonly tokenized = new WeakSet<Prompt>();

  constructor(options: FakeSwarmOptions = {}) {
    this.info = {
      modelId: options.modelId ?? 'fake-model',
      modelPath: '/models/fake.gguf',
      instances: options.instances ?? 3,
      contextSize: options.contextSize ?? 2048,
      modelBytes: 1024,
      chatTemplate: 'fake',
      modelSha256: options.modelSha256 ?? null,
    };
    this.promptTokens = options.promptTokens ?? 12;
    this.embeddings = options.embeddings ?? null;
    this.candidates = options.candidates ?? DEFAULT_CANNED_CANDIDATES;
  }

  get load(): SwarmLoad {
    return { busyInstances: 0, capacity: this.info.instances, queuedRequests: 0, maxQueue: 8 };
  }

  measurePrompt(prompt: Prompt): PromptMeasure {
    this.tokenize(prompt);
    return { ok: true, promptTokens: this.promptTokens };
  }

  check(request: GenerationRequest): { ok: true; promptTokens: number } | { ok: false; failure: SwarmFailure } {
    if (request.candidates < 1 || request.candidates > this.info.instances) {
      return { ok: false, failure: { code: SwarmErrorCode.TooManyCandidates, message: `${request.candidates} candidates requested` } };
    }
    this.tokenize(request.prompt);
    if (this.promptTokens + request.maxTokens > this.info.contextSize) {
      return { ok: false, failure: { code: SwarmErrorCode.ContextLengthExceeded, message: 'prompt + max_tokens exceed the context' } };
    }
    return { ok: true, promptTokens: this.promptTokens };
  }

  expectedCandidates(request: GenerationRequest): number {
    return request.candidates;
  }

  async generate(request: GenerationRequest, call: CandidateSourceCallOptions): Promise<SourceOutcome> {
    this.requests.push(request);
    this.tokenize(request.prompt);
    if (this.failure !== null) return { ok: false, failure: this.failure };
    const candidates = this.candidates.slice(0, request.candidates).map((canned, sequence): Candidate => {
      const candidate: Candidate = {
        text: canned.text,
        score: canned.score === undefined ? -0.5 : canned.score,
        source: this.id,
        sequence,
        model: this.info.modelId,
        finishReason: canned.finishReason ?? 'stop',
        latencyMs: canned.latencyMs ?? 10 * (sequence + 1),
        completionTokens: canned.completionTokens ?? canned.text.length,
        ...(canned.logprobs !== undefined && { logprobs: canned.logprobs }),
      };
      call.onCandidate?.(candidate);
      return candidate;
    });
    const completionTokens = candidates.reduce((sum, candidate) => sum + (candidate.completionTokens ?? 0), 0);
    return { ok: true, candidates, usage: { promptTokens: this.promptTokens, completionTokens } };
  }

  private tokenize(prompt: Prompt): void {
    if (this.tokenized.has(prompt)) return;
    this.tokenized.add(prompt);
    this.tokenizations += 1;
  }

  async stop(): Promise<void> {
    this.stopped = true;
  }
}
