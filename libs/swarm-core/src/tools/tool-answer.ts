import type { CandidateToolCall } from '@local-swarm/consensus';
import type { ToolRequest } from '../generation/tool-request';
import { offeredTools } from './chat-model-functions';
import { parseToolCalls } from './parse-tool-calls';
import type { FunctionCallSettings } from './tool-call-syntax';

/** A generated answer as a candidate carries it: its text, and the calls it makes if any. */
export interface ToolAnswer {
  readonly text: string;
  readonly toolCalls?: readonly CandidateToolCall[];
}

/**
 * Splits a generated answer into text and tool calls when the request offered tools. A call to
 * a function that was not offered makes the whole answer text (the model imitated the syntax,
 * it did not call a tool the client has); without `parallel` only the first call is kept.
 */
export function toolAnswer(text: string, wrapperSettings: FunctionCallSettings, tools: ToolRequest | undefined): ToolAnswer {
  const offered = new Set(offeredTools(tools).map((tool) => tool.name));
  if (offered.size === 0) return { text };
  const parsed = parseToolCalls(text, wrapperSettings);
  if (parsed.calls.length === 0 || parsed.calls.some((call) => !offered.has(call.name))) return { text };
  return { text: parsed.content, toolCalls: tools?.parallel === true ? parsed.calls : parsed.calls.slice(0, 1) };
}
