import { sourceJudgeModel, type CandidateSource, type JudgeModel } from '@local-swarm/swarm-core';
import type { RemotePeers } from '../federated-swarm/remote-peers';
import { judgeWithFallback } from './judge-with-fallback';

/**
 * Who judges a request: the configured judge peer (by node id) when it is healthy now, this node's
 * own model if that peer fails; this node's own model when no judge peer is configured or it is
 * unknown or unhealthy (said in the note, so a client knows its judge was not used).
 */
export function judgeFor(local: CandidateSource, peers: RemotePeers, judgePeer: string | null): JudgeModel {
  const own = sourceJudgeModel(local);
  if (judgePeer === null) return own;
  const peer = peers.healthySources().find((participant) => participant.nodeId === judgePeer);
  if (peer === undefined) {
    const unavailable: JudgeModel = { id: judgePeer, judge: async () => ({ ok: false, reason: 'not a healthy peer now' }) };
    return judgeWithFallback(unavailable, own);
  }
  return judgeWithFallback(sourceJudgeModel(peer.source), own);
}
