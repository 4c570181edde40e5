import type { PeerVote } from '../messages/vote-response';
import type { VoteTokenLogprob } from '../messages/vote-token-logprob';
import type { ProposedToolCallWire } from './proposed-tool-call.dto';
import type { TokenLogprobWire } from './token-logprob.dto';

/** What a vote carries besides its text: the calls it proposes and its tokens' log-probabilities. */
export type VoteExtras = Pick<PeerVote, 'toolCalls' | 'logprobs'>;

interface VoteExtrasWire {
  readonly tool_calls?: readonly ProposedToolCallWire[] | null;
  readonly logprobs?: readonly TokenLogprobWire[] | null;
}

/** A validated vote's extras (camelCase; absent and null left out). */
export function voteExtrasFromWire(vote: VoteExtrasWire): VoteExtras {
  return {
    ...(vote.tool_calls != null && { toolCalls: vote.tool_calls.map(({ name, arguments: args }) => ({ name, arguments: args })) }),
    ...(vote.logprobs != null && { logprobs: vote.logprobs.map(copyLogprob) }),
  };
}

/** The wire form of a vote's extras (absent ones left out). */
export function voteExtrasToWire(vote: VoteExtras): { tool_calls?: ProposedToolCallWire[]; logprobs?: TokenLogprobWire[] } {
  return {
    ...(vote.toolCalls !== undefined && { tool_calls: vote.toolCalls.map(({ name, arguments: args }) => ({ name, arguments: args })) }),
    ...(vote.logprobs !== undefined && { logprobs: vote.logprobs.map(copyLogprob) }),
  };
}

function copyLogprob(entry: VoteTokenLogprob | TokenLogprobWire): VoteTokenLogprob & TokenLogprobWire {
  return {
    token: entry.token,
    logprob: entry.logprob,
    bytes: [...entry.bytes],
    top: entry.top.map((alternative) => ({ token: alternative.token, logprob: alternative.logprob, bytes: [...alternative.bytes] })),
  };
}
