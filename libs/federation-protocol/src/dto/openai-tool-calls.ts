import type { VoteToolCallProposal } from '../messages/vote-response';
import { FEDERATION_LIMITS as L } from '../protocol/protocol-constants';
import { isPlainObject } from './validate-dto';

/**
 * A chat choice's `message.tool_calls` (`[{ type: 'function', function: { name, arguments } }]`)
 * within the bounds of a vote's, or null when they are malformed: a call is the answer itself, so
 * a choice whose calls cannot be read is no usable choice. Undefined when there are none.
 */
export function openAiToolCalls(calls: unknown): VoteToolCallProposal[] | null | undefined {
  if (calls == null) return undefined;
  if (!Array.isArray(calls) || calls.length > L.toolCallsMax) return null;
  const read: VoteToolCallProposal[] = [];
  for (const call of calls) {
    const fn = isPlainObject(call) ? call['function'] : undefined;
    if (!isPlainObject(fn)) return null;
    const { name, arguments: args } = fn;
    if (typeof name !== 'string' || name === '' || name.length > L.toolNameMaxLength) return null;
    if (typeof args !== 'string' || args.length > L.toolArgumentsMaxLength) return null;
    read.push({ name, arguments: args });
  }
  return read.length === 0 ? undefined : read;
}
