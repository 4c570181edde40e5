import type { Candidate } from '@local-swarm/consensus';
import type { GenerationRequest } from '@local-swarm/swarm-core';

/**
 * Why a candidate of a Local Swarm peer's reply cannot join the vote on `request` (a protocol
 * violation, like an extra candidate), or null: tool calls that an honest node never returns
 * (swarm-core keeps only calls to offered functions, one without `parallel`), or (when asked
 * for) more log-probabilities than tokens or alternatives allowed. Arguments are the model's
 * work, not the protocol's: consensus judges them as it does local candidates' (a call whose
 * arguments are not a JSON object is dropped as `invalid_tool_arguments`).
 */
export function replyCandidateProblem(candidate: Pick<Candidate, 'toolCalls' | 'logprobs'>, request: Pick<GenerationRequest, 'tools' | 'controls' | 'maxTokens'>): string | null {
  const calls = candidate.toolCalls ?? [];
  if (calls.length > 0) {
    const { tools } = request;
    if (tools === undefined || tools.choice === 'none') return 'sent a candidate with tool calls, but no tool may be called';
    if (!tools.parallel && calls.length > 1) return `sent a candidate with ${calls.length} tool calls, but parallel calls are off`;
    const allowed = typeof tools.choice === 'string' ? tools.tools.map((tool) => tool.name) : [tools.choice.name];
    const stray = calls.find((call) => !allowed.includes(call.name));
    if (stray !== undefined) return `sent a candidate calling '${stray.name.slice(0, 64)}', which may not be called`;
  }
  // Log-probabilities nobody asked for are not judged here: the caller drops them.
  const asked = request.controls?.logprobs;
  const logprobs = candidate.logprobs ?? [];
  if (asked === undefined) return null;
  if (logprobs.length > request.maxTokens) return `sent ${logprobs.length} logprobs for at most ${request.maxTokens} tokens`;
  if (logprobs.some((entry) => entry.top.length > asked.top)) return `sent more than the ${asked.top} top logprobs asked for`;
  return null;
}
