import type { Candidate, ConsensusOptions, ConsensusTool } from '@local-swarm/consensus';
import type { GenerationRequest, Prompt } from '../generation/generation-request';
import type { ToolRequest } from '../generation/tool-request';
import { requiresToolCall } from '../tools/requires-tool-call';

/**
 * What the vote checks each candidate against, from the request: JSON mode with the schema of a
 * `json_schema` format (which takes the place of plain `json`), and the functions a call may name;
 * and the question the answers are grouped by (its own words are no answer words).
 */
export function consensusCheckOf(request: GenerationRequest): Pick<ConsensusOptions, 'json' | 'tools' | 'question'> {
  const json: ConsensusOptions['json'] =
    request.format !== undefined ? { schema: request.format.schema } : request.json === true ? {} : undefined;
  const tools = consensusToolsOf(request.tools);
  const question = questionOf(request.prompt);
  return {
    ...(json !== undefined ? { json } : {}),
    ...(tools !== undefined ? { tools } : {}),
    ...(question !== undefined ? { question } : {}),
  };
}

/**
 * The question: the last user message of a chat (earlier turns and system text are context, not
 * what the candidates answer), or a text prompt whole. consensus reads only its opening.
 */
function questionOf(prompt: Prompt): string | undefined {
  if (prompt.kind === 'text') return prompt.text === '' ? undefined : prompt.text;
  const lastUser = prompt.messages.filter((message) => message.role === 'user').at(-1);
  return lastUser === undefined || lastUser.content === '' ? undefined : lastUser.content;
}

/**
 * The functions a candidate may call: only the named one for a named choice, none at all for
 * `none` (any call is then `unknown_tool`), every offered one otherwise.
 */
function consensusToolsOf(request: ToolRequest | undefined): readonly ConsensusTool[] | undefined {
  if (request === undefined) return undefined;
  const choice = request.choice;
  if (choice === 'none') return [];
  const offered = typeof choice === 'object' ? request.tools.filter((tool) => tool.name === choice.name) : request.tools;
  return offered.map((tool) => ({ name: tool.name, ...(tool.parameters !== undefined ? { parameters: tool.parameters } : {}) }));
}

/**
 * Whether a candidate may take part in the vote of this request. When the request requires a
 * call (`required` or a named function) a text-only answer is not an answer at all, and consensus
 * has no drop reason for it (its validators judge what a candidate says, not what it was asked),
 * so such candidates are kept out before voting. Local candidates are grammar-bound to call; this
 * catches peers that ignored the requirement.
 */
export function mayVote(request: GenerationRequest, candidate: Candidate): boolean {
  return !requiresToolCall(request.tools) || (candidate.toolCalls ?? []).length > 0;
}
