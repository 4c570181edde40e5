import type { StrategyName } from '@local-swarm/consensus';
import { isSourceWeightsMode, SOURCE_WEIGHTS_MODES, type SourceWeightsMode } from '@local-swarm/federation';
import { OpenAiHttpError } from '../../http/openai-error';

/** A header value longer than this is not a mode anyone meant to send (and is not echoed whole). */
const MAX_HEADER_CHARS = 32;

/**
 * The request's `weights` (already checked by the body's validation), else the `x-swarm-weights`
 * header's, else the node's default. Another header value is a 400 naming the header; `auto` asked
 * for with a strategy other than weighted_vote is a 400 naming where it came from, since no other
 * strategy weighs sources. The node's own default never fails a request: it applies to
 * weighted_vote only.
 */
export function resolveSourceWeights(
  fromBody: SourceWeightsMode | undefined,
  fromHeader: string | undefined,
  strategy: StrategyName,
  nodeDefault: SourceWeightsMode,
): SourceWeightsMode {
  const param = fromBody !== undefined ? 'weights' : 'x-swarm-weights';
  const asked = fromBody ?? headerMode(fromHeader);
  if (asked === null) return nodeDefault;
  if (asked === 'auto' && strategy !== 'weighted_vote') {
    throw OpenAiHttpError.invalidRequest(`weights "auto" applies to weighted_vote only; the strategy is ${strategy}`, param, 'weights_need_weighted_vote');
  }
  return asked;
}

function headerMode(fromHeader: string | undefined): SourceWeightsMode | null {
  if (fromHeader === undefined || fromHeader.trim() === '') return null;
  const trimmed = fromHeader.trim();
  if (isSourceWeightsMode(trimmed)) return trimmed;
  throw OpenAiHttpError.invalidRequest(
    `x-swarm-weights must be ${SOURCE_WEIGHTS_MODES.join(' or ')}; got "${trimmed.slice(0, MAX_HEADER_CHARS)}"`,
    'x-swarm-weights',
    'unknown_weights',
  );
}
