import type { Candidate } from '../candidate/candidate';
import { hasToolCalls } from '../tools/has-tool-calls';
import { toolCallsKey } from '../tools/tool-calls-key';
import { canonicalForm, type CanonicalForm } from './canonical-form';

/**
 * What a candidate claims: its tool calls when it makes any (any text beside them is commentary,
 * the calls are the answer), else the canonical form of its text. A call group and a text group
 * then vote against each other like any two answers.
 */
export function candidateForm(candidate: Candidate): CanonicalForm {
  if (candidate.toolCalls !== undefined && hasToolCalls(candidate)) {
    return { kind: 'tool_calls', key: toolCallsKey(candidate.toolCalls) };
  }
  return canonicalForm(candidate.text);
}
