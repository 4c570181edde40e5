import type { OpenAiCompletionRequest } from '@local-swarm/federation-protocol';
import type { GenerationRequest, SamplingControls } from '@local-swarm/swarm-core';
import { samplingFields } from './sampling-fields';

/**
 * What this node asks an OpenAI-compatible server for one of its requests, naming the server's
 * `model`. Never a logit bias: its token ids are this node's model's, not the server's (a vote
 * that uses one leaves such servers out, see logitBiasExclusion).
 */
export function toOpenAiCompletionRequest(request: GenerationRequest, model: string): OpenAiCompletionRequest {
  const { controls, ...fields } = samplingFields(request);
  const portable = controls === undefined ? undefined : portableControls(controls);
  return { model, prompt: request.prompt, maxTokens: request.maxTokens, ...fields, ...(portable !== undefined ? { controls: portable } : {}) };
}

function portableControls(controls: SamplingControls): Omit<SamplingControls, 'logitBias'> | undefined {
  const portable = {
    ...(controls.presencePenalty !== undefined ? { presencePenalty: controls.presencePenalty } : {}),
    ...(controls.frequencyPenalty !== undefined ? { frequencyPenalty: controls.frequencyPenalty } : {}),
    ...(controls.logprobs !== undefined ? { logprobs: controls.logprobs } : {}),
  };
  return Object.keys(portable).length > 0 ? portable : undefined;
}
