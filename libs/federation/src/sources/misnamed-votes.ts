import type { PeerVote } from '@local-swarm/federation-protocol';

/**
 * The violation in a reply whose votes name another node than the one that answered, null when
 * every vote names it. Such votes are still used, but under the answering node's id: a reply
 * could otherwise show another member's id in the response's candidates and in the logs.
 */
export function misnamedVotes(votes: readonly Pick<PeerVote, 'nodeId'>[], owner: string): string | null {
  const misnamed = votes.filter((vote) => vote.nodeId !== owner);
  if (misnamed.length === 0) return null;
  const claimed = [...new Set(misnamed.map((vote) => vote.nodeId))].slice(0, 4).join(', ');
  return `sent ${misnamed.length} candidate(s) naming other node ids (${claimed}); counted as ${owner}'s`;
}
