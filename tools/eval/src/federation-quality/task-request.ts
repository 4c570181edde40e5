import type { StrategyName } from '@local-swarm/consensus';
import { taskPrompt, type EvalTask } from '../index';

/** How one task is asked: the single-node eval's prompt, length and stop strings, sampled, with a seed of its own. */
export interface TaskRequest {
  readonly task: EvalTask;
  readonly maxTokens: number;
  /** Stop strings (the single-node eval's for the family); empty: none. */
  readonly stop: readonly string[];
  readonly temperature: number;
  readonly topP: number;
  /** Base seed: the asked node's candidate i uses seed + i; each peer derives its own from it. */
  readonly seed: number;
  readonly strategy: StrategyName;
  /**
   * Choices asked for (`n`). The node stops generating once the vote is decided only when n is 1,
   * so n = its instances keeps every candidate running to its end (no early exit).
   */
  readonly choices: number;
}

/** The `/v1/chat/completions` body of a task request. */
export function chatRequestBody(request: TaskRequest): Record<string, unknown> {
  const prompt = taskPrompt(request.task);
  if (prompt.kind !== 'chat') throw new TypeError(`task ${request.task.id}: expected a chat prompt, got ${prompt.kind}`);
  return {
    messages: prompt.messages.map((message) => ({ role: message.role, content: message.content })),
    max_tokens: request.maxTokens,
    temperature: request.temperature,
    top_p: request.topP,
    seed: request.seed,
    ...(request.stop.length > 0 ? { stop: [...request.stop] } : {}),
    strategy: request.strategy,
    ...(request.choices > 1 ? { n: request.choices } : {}),
  };
}
