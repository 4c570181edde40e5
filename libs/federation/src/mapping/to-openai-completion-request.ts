import type { OpenAiCompletionRequest } from '@local-swarm/federation-protocol';
import type { GenerationRequest } from '@local-swarm/swarm-core';
import { samplingFields } from './sampling-fields';

/** What this node asks an OpenAI-compatible server for one of its requests, naming the server's `model`. */
export function toOpenAiCompletionRequest(request: GenerationRequest, model: string): OpenAiCompletionRequest {
  return { model, prompt: request.prompt, maxTokens: request.maxTokens, ...samplingFields(request) };
}
