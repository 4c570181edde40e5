// Public API of @local-swarm/consensus. Named exports on purpose: everything else is internal.
export type { Candidate, CandidateToolCall, FinishReason, TokenLogprob } from './candidate/candidate';
export { decide } from './decide';
export type { Verdict, RankedCandidate, CandidateGroup } from './verdict/verdict';
export type { ConsensusOptions } from './options/consensus-options';
export type { ConsensusTool } from './options/tool-options';
export type { SemanticGroupingOptions } from './options/semantic-grouping-options';
export { STRATEGY_NAMES, isStrategyName, type StrategyName } from './strategies/strategy-name';
export { STRATEGY_TRAITS, strategyTraits, type EarlyStopRule, type StrategyTraits } from './strategies/strategy-traits';
export { validateCandidate, type CandidateValidation } from './validation/validate-candidate';
export { DROP_REASONS_LEAST_BAD_FIRST, type DropReason } from './validation/drop-reason';
export { compareStable } from './ordering/compare-stable';
export { DOMINANT_SOURCE_MARGIN } from './weighting/cap-dominant-source';
export { detectLooping } from './validation/detect-looping';
export { canonicalForm, type CanonicalForm, type CanonicalKind } from './canonical/canonical-form';
export { stableStringify } from './canonical/stable-stringify';
export { findJsonSchemaProblem, isValidJsonSchema, type JsonSchema } from './json/json-schema';
export { ConsensusError, CONSENSUS_ERROR_MESSAGES, type ConsensusErrorCode } from './errors/consensus-error';
