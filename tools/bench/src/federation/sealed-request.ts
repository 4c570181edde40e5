import { open, seal, type SealPurpose, type SwarmMembership } from '@local-swarm/federation-protocol';
import type { HostRef, NodeLan } from '@local-swarm/test-netns';
import { performance } from 'node:perf_hooks';

export interface SealedRequest {
  readonly url: string;
  readonly purpose: SealPurpose;
  /** What the reply must be sealed as. */
  readonly replyPurpose: SealPurpose;
  /** The wire body to seal (JSON-serialisable). */
  readonly body: unknown;
  readonly timeoutMs?: number;
}

export interface SealedOutcome {
  readonly status: number;
  /** The opened reply's JSON body; null when the reply was an error or could not be opened. */
  readonly body: unknown;
  /** The node that sealed the reply (proven by its signature); null when none was opened. */
  readonly senderId: string | null;
  /** Why there is no body: the error status and text, or why the reply did not open. */
  readonly problem?: string;
  /** Request to last body byte inside `from`'s namespace, plus sealing the request and opening the reply here. */
  readonly elapsedMs: number;
}

/**
 * A sealed POST from inside `from`'s namespace as a member of the swarm would send it: the body
 * sealed with the swarm key and `membership`'s identity, the reply opened as the answer to it.
 * The time spent sealing and opening is added to the HTTP time, so a sealed request is timed
 * with everything a peer pays. Rejects only when no reply came at all.
 */
export async function sendSealed(lan: NodeLan, from: HostRef, membership: SwarmMembership, request: SealedRequest): Promise<SealedOutcome> {
  const { swarmKey, identity, replayCache, maxSkewMs } = membership;
  const sealStarted = performance.now();
  const envelope = seal({ body: JSON.stringify(request.body), swarmKey, identity, purpose: request.purpose });
  const sealMs = performance.now() - sealStarted;
  const reply = await lan.request(from, 'POST', request.url, envelope, {}, request.timeoutMs ?? 60_000);
  if (reply.status !== 200) return { status: reply.status, body: null, senderId: null, problem: `HTTP ${reply.status}: ${reply.text.slice(0, 200)}`, elapsedMs: reply.elapsedMs + sealMs };
  const openStarted = performance.now();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(reply.text) as unknown;
  } catch {
    // Not JSON: open() refuses it below, saying why.
  }
  const opened = open(parsed, { swarmKey, replayCache, maxSkewMs, expectedPurpose: request.replyPurpose, replyTo: envelope.nonce });
  const body = opened.ok ? readJson(opened.body) : null;
  const elapsedMs = reply.elapsedMs + sealMs + (performance.now() - openStarted);
  if (!opened.ok) return { status: reply.status, body: null, senderId: null, problem: `reply not opened: ${opened.code}: ${opened.message}`, elapsedMs };
  if (body === null) return { status: reply.status, body: null, senderId: opened.senderId, problem: 'the sealed reply is not JSON', elapsedMs };
  return { status: reply.status, body, senderId: opened.senderId, elapsedMs };
}

function readJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
