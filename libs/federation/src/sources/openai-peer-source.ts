import type { Candidate } from '@local-swarm/consensus';
import type { FederationClientError, OpenAiPeerClient } from '@local-swarm/federation-protocol';
import {
  SwarmErrorCode,
  type CandidateSource,
  type CandidateSourceCallOptions,
  type GenerationRequest,
  type SourceOutcome,
} from '@local-swarm/swarm-core';
import { toOpenAiCompletionRequest } from '../mapping/to-openai-completion-request';
import type { PeerCallObserver } from './peer-call-observer';
import { screenPeerCandidates } from './screen-peer-candidates';

/**
 * Any OpenAI-compatible server (Ollama, llama.cpp's server, vLLM) as a voter: the request goes
 * to its /chat/completions (or /completions) with `n`, each choice becomes a candidate. Such
 * servers report no token log-probabilities here, so their candidates carry `score: null` (and
 * best_of_n falls back to majority when they take part). Choices beyond the `n` the client asked
 * for, and texts too long for the request, are dropped and reported as protocol violations.
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
    this.inFlightCount += 1;
    const result = await this.client
      .complete(toOpenAiCompletionRequest(request, this.modelName() ?? 'default'), { signal: call.signal, deadlineMs: this.deadlineMs })
      .finally(() => (this.inFlightCount -= 1));
    if (!result.ok) return this.fail(call, result.error);
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
      }),
    );
    // Read after the call: a server that refused `n` was asked again for one choice.
    const { kept: candidates, violations } = screenPeerCandidates(received, this.client.choicesPerRequest, request.maxTokens);
    for (const violation of violations) this.observer.onProtocolViolation?.(this.id, violation);
    for (const candidate of candidates) call.onCandidate?.(candidate);
    this.observer.onPeerSuccess(this.id);
    return { ok: true, candidates, usage: result.value.usage };
  }

  private fail(call: CandidateSourceCallOptions, error: FederationClientError): SourceOutcome {
    // A call the request itself cancelled (client left, first_valid winner) is no server failure.
    if (!call.signal.aborted) this.observer.onPeerFailure(this.id, error);
    return { ok: false, failure: { code: SwarmErrorCode.SourceFailed, message: `OpenAI-compatible peer ${this.client.baseUrl}: ${error.message}` } };
  }
}
