import type { Candidate } from '@local-swarm/consensus';
import type { OpenAiPeerClient } from '@local-swarm/federation-protocol';
import { SwarmErrorCode, type CandidateSource, type CandidateSourceCallOptions, type GenerationRequest, type SourceOutcome } from '@local-swarm/swarm-core';
import { logitBiasExclusion } from '../mapping/logit-bias-exclusion';
import { toOpenAiCompletionRequest } from '../mapping/to-openai-completion-request';
import type { PeerCallObserver } from './peer-call-observer';
import { deliverPeerCandidates, peerCallFailed } from './peer-call-outcome';

/**
 * Any OpenAI-compatible server (Ollama, llama.cpp's server, vLLM) as a voter: the request goes
 * to its /chat/completions (or /completions) with `n`, each choice becomes a candidate. Such
 * servers report no token log-probabilities here, so their candidates carry `score: null` (and
 * best_of_n falls back to majority when they take part). Choices beyond the `n` the client asked
 * for, and texts too long for the request, are dropped and reported as protocol violations. Its
 * choices' tool calls are its model's work, not a protocol's promise, so consensus judges them
 * (an unknown function, bad arguments). Its model file is never known, so it sits out a request
 * with a logit bias (logitBiasExclusion).
 */
export class OpenAiPeerSource implements CandidateSource {
  private inFlightCount = 0;

  constructor(
    readonly id: string,
    private readonly client: OpenAiPeerClient,
    private readonly deadlineMs: number,
    private readonly observer: PeerCallObserver,
    /** The server's model name as its /models lists it (health checks learn it); servers such as vLLM and Ollama need it. */
    private readonly modelName: () => string | null = () => null,
  ) {}

  get inFlight(): number {
    return this.inFlightCount;
  }

  async generate(request: GenerationRequest, call: CandidateSourceCallOptions): Promise<SourceOutcome> {
    const excluded = logitBiasExclusion(request, null, null);
    if (excluded !== null) return { ok: false, failure: { code: SwarmErrorCode.SourceFailed, message: `OpenAI-compatible peer ${this.client.baseUrl}: ${excluded}` } };
    this.inFlightCount += 1;
    const result = await this.client
      .complete(toOpenAiCompletionRequest(request, this.modelName() ?? 'default'), { signal: call.signal, deadlineMs: this.deadlineMs })
      .finally(() => (this.inFlightCount -= 1));
    const callee = { id: this.id, label: `OpenAI-compatible peer ${this.client.baseUrl}`, observer: this.observer };
    if (!result.ok) return peerCallFailed(callee, call, result.error);
    const latencyMs = call.elapsedMs();
    const model = result.value.model ?? this.id;
    const received = result.value.choices.map(
      (choice, index): Candidate => ({
        text: choice.text,
        score: null,
        source: this.id,
        sequence: index,
        model,
        finishReason: choice.finishReason,
        latencyMs,
        ...(choice.toolCalls !== undefined ? { toolCalls: choice.toolCalls } : {}),
        ...(choice.logprobs !== undefined ? { logprobs: choice.logprobs } : {}),
      }),
    );
    // Read after the call: a server that refused `n` was asked again for one choice.
    const candidates = deliverPeerCandidates(callee, call, received, this.client.choicesPerRequest, request.maxTokens);
    this.observer.onPeerSuccess(this.id);
    return { ok: true, candidates, usage: result.value.usage };
  }
}
