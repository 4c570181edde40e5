import type { StrategyName } from '@local-swarm/consensus';
import type { FederationMode, SourceWeightsMode } from '@local-swarm/federation';
import type { GenerationRequest } from '@local-swarm/swarm-core';
import type { AnswerShape } from './responses/answer-shape';

/** A request checked against this node's limits, ready to run. */
export interface PreparedRequest {
  readonly generation: GenerationRequest;
  readonly strategy: StrategyName;
  /** vote (every node answers) or balance (the least-loaded node answers alone). */
  readonly mode: FederationMode;
  /** Choices to return (OpenAI's `n`). */
  readonly choices: number;
  readonly stream: boolean;
  readonly includeUsage: boolean;
  /** Legacy functions, log-probabilities, echo: how the answer is written. */
  readonly answer: AnswerShape;
  /** Abstain (answer with a refusal) when the verdict's agreement is below it; null: never. */
  readonly minAgreement: number | null;
  /** weighted_vote's source weights: configured, or auto (learned from agreement). */
  readonly weights: SourceWeightsMode;
}
