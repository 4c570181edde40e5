import type { GenerationRequest } from '@local-swarm/swarm-core';

/** The optional sampling fields every request form shares (generation, vote, OpenAI completion). */
export type SamplingFields = Pick<GenerationRequest, 'temperature' | 'topP' | 'seed' | 'stop' | 'json' | 'format' | 'tools' | 'controls'>;

/**
 * The sampling fields that are set, unset ones left out (not `undefined`: the strict optional
 * types and the wire forms need them absent); `json: false` is the default and left out too.
 */
export function samplingFields(request: SamplingFields): SamplingFields {
  return {
    ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    ...(request.topP !== undefined ? { topP: request.topP } : {}),
    ...(request.seed !== undefined ? { seed: request.seed } : {}),
    ...(request.stop !== undefined ? { stop: request.stop } : {}),
    ...(request.json === true ? { json: true } : {}),
    ...(request.format !== undefined ? { format: request.format } : {}),
    ...(request.tools !== undefined ? { tools: request.tools } : {}),
    ...(request.controls !== undefined ? { controls: request.controls } : {}),
  };
}
