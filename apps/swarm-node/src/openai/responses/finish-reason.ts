import type { FinishReason } from '@local-swarm/consensus';

/** OpenAI finish reasons; ours map onto them (a cancelled or failed candidate only wins when nothing else exists). */
export type OpenAiFinishReason = 'stop' | 'length' | 'tool_calls' | 'function_call';

export function toOpenAiFinishReason(reason: FinishReason): 'stop' | 'length' {
  return reason === 'length' ? 'length' : 'stop';
}
