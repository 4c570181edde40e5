import { DEFAULT_MAX_RESPONSE_BYTES } from '../client/peer-http';
import { SEAL_LIMITS } from '../seal/seal-protocol';
import type { PeerVoteWire, VoteResponseWire } from './vote-response.dto';

/** Largest vote reply body a peer accepts: what can be sealed, and what an open peer reads. */
export const MAX_VOTE_REPLY_BYTES = Math.min(SEAL_LIMITS.maxBodyBytes, DEFAULT_MAX_RESPONSE_BYTES);

export interface FittedVoteReply {
  readonly wire: VoteResponseWire;
  /** What was left out to fit, for the serving node's log; null when nothing was. */
  readonly trimmed: string | null;
}

const byteLength = (wire: VoteResponseWire): number => Buffer.byteLength(JSON.stringify(wire), 'utf8');

function withoutLogprobs(vote: PeerVoteWire): PeerVoteWire {
  const copy = { ...vote };
  delete copy.logprobs;
  return copy;
}

/**
 * A vote reply within `maxBytes` of JSON (a peer refuses a larger reply, and a sealed one cannot
 * be sealed): log-probabilities are what can make it grow past that (up to 20 alternatives per
 * token of every vote), and they are the part a vote can do without. First every vote's
 * alternatives go, keeping each token's own log-probability; then the votes' logprobs, from the
 * last vote back. Texts and tool calls are never cut: they are the answer.
 */
export function fitVoteReply(wire: VoteResponseWire, maxBytes: number): FittedVoteReply {
  // Without logprobs there is nothing to leave out: the reply is not even measured.
  if (wire.votes.every((vote) => vote.logprobs === undefined) || byteLength(wire) <= maxBytes) return { wire, trimmed: null };
  const withoutAlternatives: VoteResponseWire = {
    ...wire,
    votes: wire.votes.map((vote) => (vote.logprobs === undefined ? vote : { ...vote, logprobs: vote.logprobs.map((token) => ({ ...token, top: [] })) })),
  };
  if (byteLength(withoutAlternatives) <= maxBytes) return { wire: withoutAlternatives, trimmed: 'the top alternatives of every token' };
  const votes = [...withoutAlternatives.votes];
  let dropped = 0;
  for (let index = votes.length - 1; index >= 0; index -= 1) {
    const vote = votes[index];
    if (vote?.logprobs === undefined) continue;
    votes[index] = withoutLogprobs(vote);
    dropped += 1;
    if (byteLength({ ...withoutAlternatives, votes }) <= maxBytes) break;
  }
  return { wire: { ...withoutAlternatives, votes }, trimmed: `the top alternatives of every token, and the logprobs of ${dropped} vote(s)` };
}
