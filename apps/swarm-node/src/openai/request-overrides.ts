import { isStrategyName, STRATEGY_NAMES, type StrategyName } from '@local-swarm/consensus';
import { FEDERATION_MODES, isFederationMode, type FederationMode } from '@local-swarm/federation';
import { OpenAiHttpError } from '../http/openai-error';

import { resolveMinAgreement } from './abstain/min-agreement';
import { resolveSourceWeights } from './request-mapping/resolve-source-weights';
import type { NodeSettings } from '../core/core.tokens';
import type { SamplingFieldsDto } from './dto/sampling-fields.dto';
import type { PreparedRequest } from './prepared-request';

export { resolveMinAgreement, resolveSourceWeights };

/** Per-request overrides that may come as headers (`x-swarm-strategy`, `x-swarm-mode`). */
export interface SwarmHeaders {
  readonly strategy: string | undefined;
  readonly mode: string | undefined;
  /** `x-swarm-min-agreement`: abstain below this agreement. */
  readonly minAgreement?: string | undefined;
  /** `x-swarm-weights`: weighted_vote's source weights, `auto` (learned) or `configured`. */
  readonly weights?: string | undefined;
  /** The request's id (Fastify's, from `x-request-id` when the client sent a usable one). */
  readonly requestId?: string;
  /** Who asked (the client's address): one client may hold only its share of the wait queue. */
  readonly clientKey?: string;
}

/** The body's strategy, else the header's, else the node's default; an unknown header is a 400. */
export function resolveStrategy(fromBody: StrategyName | undefined, fromHeader: string | undefined, nodeDefault: StrategyName): StrategyName {
  if (fromBody !== undefined) return fromBody;
  if (fromHeader === undefined || fromHeader === '') return nodeDefault;
  if (isStrategyName(fromHeader)) return fromHeader;
  throw OpenAiHttpError.invalidRequest(
    `x-swarm-strategy must be one of ${STRATEGY_NAMES.join(', ')}; got "${fromHeader}"`,
    'x-swarm-strategy',
    'unknown_strategy',
  );
}

/** The body's mode, else the header's, else the node's default; an unknown header is a 400. */
export function resolveMode(fromBody: FederationMode | undefined, fromHeader: string | undefined, nodeDefault: FederationMode): FederationMode {
  if (fromBody !== undefined) return fromBody;
  if (fromHeader === undefined || fromHeader === '') return nodeDefault;
  if (isFederationMode(fromHeader)) return fromHeader;
  throw OpenAiHttpError.invalidRequest(`x-swarm-mode must be ${FEDERATION_MODES.join(' or ')}; got "${fromHeader}"`, 'x-swarm-mode', 'unknown_mode');
}

/** Every per-request override of the node's settings, from the body, else the headers, else the settings. */
export function resolveRequestOverrides(
  body: Pick<SamplingFieldsDto, 'strategy' | 'mode' | 'weights' | 'min_agreement'>,
  headers: SwarmHeaders,
  settings: Pick<NodeSettings, 'strategy' | 'mode' | 'weights'>,
): Pick<PreparedRequest, 'strategy' | 'mode' | 'weights' | 'minAgreement'> {
  const strategy = resolveStrategy(body.strategy, headers.strategy, settings.strategy);
  return {
    strategy,
    mode: resolveMode(body.mode, headers.mode, settings.mode),
    weights: resolveSourceWeights(body.weights, headers.weights, strategy, settings.weights ?? 'configured'),
    minAgreement: resolveMinAgreement(body.min_agreement, headers.minAgreement),
  };
}
