export { runConsensus } from './consensus-runner/consensus-runner';
export type { ConsensusRun, ConsensusRunOptions, ConsensusRunOutcome, EarlyStop, SourceReport } from './consensus-runner/consensus-runner';
export { isVoteDecided } from './consensus-runner/vote-decided';
export { SEMANTIC_EMBEDDING_LIMITS } from './consensus-runner/semantic-embedding-limits';
export type { CandidateEmbedder, SemanticGroupingRequest } from './consensus-runner/semantic-grouping-for';
export type { PendingVotes } from './consensus-runner/vote-decided';
export { LlamaEngine } from './engine/llama-engine';
export type { CandidateSampling, LlamaEngineOptions, RawCandidate } from './engine/llama-engine';
export { LoopProfile } from './engine/loop-profile';
export { grammarFor } from './engine/grammar-for';
export type { OutputGrammar } from './engine/grammar-for';
export { GRAMMAR_CACHE_SIZE, GrammarCache } from './engine/grammar-cache';
export { unsupportedSchemaKeywords } from './engine/json-schema-support';
export type { UnsupportedSchemaKeyword } from './engine/json-schema-support';
export { clientShareOf, SlotQueue } from './engine/slot-queue';
export type { AcquireFailureReason, AcquireOutcome } from './engine/slot-queue';
export { SwarmError, SwarmErrorCode } from './errors/swarm-errors';
export type { SwarmFailure } from './errors/swarm-errors';
export { candidateSeed, DEFAULT_SAMPLING } from './generation/generation-request';
export { promptCharacters } from './generation/prompt-characters';
export type { ChatMessage, ChatRole, GenerationRequest, GenerationUsage, Prompt } from './generation/generation-request';
export type { FunctionTool, JsonSchemaObject, ToolCall, ToolChoice, ToolRequest } from './generation/tool-request';
export { checkToolHistory } from './tools/check-tool-history';
export { parseToolCalls } from './tools/parse-tool-calls';
export type { ParsedToolCalls } from './tools/parse-tool-calls';
export { requiresToolCall } from './tools/requires-tool-call';
export type { FunctionCallSettings } from './tools/tool-call-syntax';
export { MAX_TOOL_SCHEMA_BYTES, MAX_TOOLS } from './tools/tool-limits';
export type { OutputFormat } from './generation/output-format';
export type { SamplingControls, TokenLogprob } from './generation/sampling-controls';
export { detectHardware, formatHardwareSummary } from './hardware/detect-hardware';
export type { HardwareInfo } from './hardware/detect-hardware';
export { silentLogger } from './logger/logger';
export type { Logger } from './logger/logger';
export {
  DEFAULT_MODEL,
  defaultModelPath,
  DERIVED_Q4_0_FILE_NAME,
  derivedQ4_0ModelPath,
  localSwarmCacheDir,
  modelCacheDir,
  wheelCacheDir,
} from './model/default-model';
export type { WheelModelDescriptor } from './model/default-model';
export { MODEL_SHA256_CACHE_FILE, modelFileSha256 } from './model/model-file-sha256';
export { AUTO_MAX_INSTANCES, AUTO_MEMORY_BUDGET_FRACTION, chooseSwarmSize, largestOddAtMost } from './sizing/choose-swarm-size';
export type { SwarmSize, SwarmSizingInput } from './sizing/choose-swarm-size';
export { estimateModelMemory } from './sizing/estimate-model-memory';
export { AUTO_MARGINAL_COST_BOUND, AUTO_MIN_VOTING_INSTANCES, chooseSizeByCost } from './sizing/choose-size-by-cost';
export type { CostChoice, CostChoiceInput, MeasuredRatio, StepCost } from './sizing/choose-size-by-cost';
export { measureStepTimes, PROBE_MAX_COUNTS, PROBE_ROUNDS, PROBE_STEPS_PER_ROUND, PROBE_TIME_LIMIT_MS } from './sizing/measure-step-times';
export type { StepTimes, StepTimingPlan } from './sizing/measure-step-times';
export { probeStepCost } from './sizing/probe-step-cost';
export type { StepCostProbe, StepCostProbeOptions } from './sizing/probe-step-cost';
export { batchScalingOf, weightTypeName } from './sizing/weight-batching';
export type { BatchScaling } from './sizing/weight-batching';
export { batchingWarning } from './sizing/batching-warning';
export type { BatchingWarningInput } from './sizing/batching-warning';
export { readWeightType } from './sizing/read-weight-type';
export type { WeightTypeInfo } from './sizing/read-weight-type';
export type { CandidateSource, CandidateSourceCallOptions, SourceOutcome } from './sources/candidate-source';
export { LOCAL_SOURCE_ID, Swarm } from './swarm/swarm';
export type { SwarmInfo, SwarmLoad, SwarmOptions } from './swarm/swarm';
export type { BatchJob, SwarmEngine } from './engine/swarm-engine';
export type { TokenVocabulary } from './engine/token-vocabulary';
export type { PromptMeasure, SwarmEngineOptions } from './swarm/swarm';
export { EmbeddingService } from './embedding/embedding-service';
export type { EmbeddingCallOptions, EmbeddingOutcome, EmbeddingRefusal } from './embedding/embedding-service';
export type { EmbeddingEngine } from './embedding/embedding-engine';
export { MAX_EMBEDDING_CHARACTERS, MAX_EMBEDDING_INPUTS } from './embedding/embedding-limits';
export { unitLength } from './embedding/unit-length';
export { decideWithJudge } from './judge/decide-with-judge';
export type { JudgeContext, JudgedOutcome } from './judge/decide-with-judge';
export type { JudgeCall, JudgeModel } from './judge/judge-model';
export { DEFAULT_JUDGE_TIMEOUT_MS, sourceJudgeModel } from './judge/source-judge-model';
