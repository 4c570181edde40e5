import type { HealthProbe } from '@local-swarm/discovery';
import { FEDERATION_PATHS, formatHostPort, peerAddressRefusal } from '@local-swarm/federation-protocol';

/**
 * `GET /v1/federation/health` of a seen service, under the peers' address policy (local network
 * only, never loopback or a cloud metadata endpoint): doctor must not be a way to reach what the
 * node itself would refuse. The address is an IP literal from mDNS, so no name is resolved.
 */
export const peerHealthProbe: HealthProbe = async (address, port, timeoutMs) => {
  const refusal = peerAddressRefusal(address, { allowLoopback: false });
  if (refusal !== null) return { reachable: false, reason: `not called: ${refusal}` };
  try {
    const response = await fetch(`http://${formatHostPort(address, port)}${FEDERATION_PATHS.health}`, {
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json' },
    });
    // Only the status and the Date header count; the body is not read.
    await response.body?.cancel();
    return { reachable: true, status: response.status, date: response.headers.get('date') };
  } catch (error) {
    return { reachable: false, reason: describeFailure(error, timeoutMs) };
  }
};

function describeFailure(error: unknown, timeoutMs: number): string {
  // AbortSignal.timeout() rejects with a DOMException, which is not always an Error of this realm.
  const name = typeof error === 'object' && error !== null && 'name' in error ? error.name : undefined;
  if (name === 'TimeoutError' || name === 'AbortError') return `no answer within ${timeoutMs} ms`;
  const cause = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) return cause.message;
  return error instanceof Error ? error.message : String(error);
}
