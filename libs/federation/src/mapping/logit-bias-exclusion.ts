import type { GenerationRequest } from '@local-swarm/swarm-core';

/**
 * Why a peer is left out of a request, or null when it may vote: a logit bias names token ids of
 * this node's model file, which mean other tokens (or none) in another file. A peer whose file is
 * not known to be this node's own (sha256 from its health reply) would answer a different
 * request, so its candidates would not be comparable; an OpenAI-compatible server's file is never
 * known. The bias is not dropped for such peers either: their unbiased answers could outvote the
 * biased ones the client asked for.
 */
export function logitBiasExclusion(request: Pick<GenerationRequest, 'controls'>, peerModelSha256: string | null, localModelSha256: string | null): string | null {
  const bias = request.controls?.logitBias;
  if (bias === undefined || Object.keys(bias).length === 0) return null;
  if (localModelSha256 !== null && peerModelSha256 === localModelSha256) return null;
  return 'left out: the request has a logit_bias, whose token ids belong to this node\'s model file, and the peer\'s model file is not known to be the same';
}
