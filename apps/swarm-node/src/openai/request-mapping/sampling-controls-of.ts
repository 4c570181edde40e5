import type { SamplingControls, TokenVocabulary } from '@local-swarm/swarm-core';
import type { SamplingFieldsDto } from '../dto/sampling-fields.dto';
import { logitBiasOf } from './logit-bias-of';

/** Penalties, logit_bias and the log-probabilities asked for, as the engine applies them; undefined when none. */
export function samplingControlsOf(
  body: SamplingFieldsDto,
  logprobs: { readonly top: number } | undefined,
  vocabulary: TokenVocabulary,
): SamplingControls | undefined {
  const controls: SamplingControls = {
    ...(body.presence_penalty !== undefined && body.presence_penalty !== 0 ? { presencePenalty: body.presence_penalty } : {}),
    ...(body.frequency_penalty !== undefined && body.frequency_penalty !== 0 ? { frequencyPenalty: body.frequency_penalty } : {}),
    ...(body.logit_bias !== undefined && Object.keys(body.logit_bias).length > 0 ? { logitBias: logitBiasOf(body.logit_bias, vocabulary) } : {}),
    ...(logprobs !== undefined ? { logprobs } : {}),
  };
  return Object.keys(controls).length > 0 ? controls : undefined;
}
