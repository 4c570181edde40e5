import { SealErrorCode } from '../seal/seal-error';
import { FederationErrorCode, type FederationClientError } from './federation-error';

/**
 * Why a node that requires sealed protocol 2 refuses an unsealed peer: said the same way by the
 * client (a peer answered unsealed) and the server (a peer asked unsealed), so the fix is named.
 */
export const UNSEALED_PEER_REASON =
  'speaks unsealed protocol 1; this node requires sealed protocol 2: join it to the swarm (local-swarm key show / --join) or run both with --federation-open';

/** Why an open (unsealed protocol 1) node cannot talk to a paired one. */
export const SEALED_PEER_REASON =
  'speaks sealed protocol 2; this node runs open federation (unsealed protocol 1): join both to one swarm (local-swarm key show / --join) or run both with --federation-open';

export type SealFailureCode =
  | typeof FederationErrorCode.NOT_MEMBER
  | typeof FederationErrorCode.CLOCK_SKEW
  | typeof FederationErrorCode.REPLAYED
  | typeof FederationErrorCode.BAD_SEAL
  | typeof FederationErrorCode.VERSION_MISMATCH;

/**
 * The federation error code of an `open` refusal: the failures a person can act on get codes of
 * their own (another swarm, clocks, a replay, an unsealed peer); the rest (forgery, malformed,
 * misrouted) are one BAD_SEAL, the seal code in the message telling which.
 */
export function sealFailureCode(code: SealErrorCode): SealFailureCode {
  switch (code) {
    case SealErrorCode.NOT_MEMBER:
      return FederationErrorCode.NOT_MEMBER;
    case SealErrorCode.CLOCK_SKEW:
      return FederationErrorCode.CLOCK_SKEW;
    case SealErrorCode.REPLAYED:
      return FederationErrorCode.REPLAYED;
    case SealErrorCode.VERSION_MISMATCH:
      return FederationErrorCode.VERSION_MISMATCH;
    case SealErrorCode.TOO_LARGE:
    case SealErrorCode.MALFORMED:
    case SealErrorCode.WRONG_PURPOSE:
    case SealErrorCode.REPLY_MISMATCH:
    case SealErrorCode.BAD_SENDER_ID:
    case SealErrorCode.BAD_SIGNATURE:
      return FederationErrorCode.BAD_SEAL;
  }
}

/** Whether a federation error code names a refused seal (what a peer's error body may carry). */
export function isSealFailureCode(code: string | null): code is Exclude<SealFailureCode, typeof FederationErrorCode.VERSION_MISMATCH> {
  return code === FederationErrorCode.NOT_MEMBER || code === FederationErrorCode.CLOCK_SKEW || code === FederationErrorCode.REPLAYED || code === FederationErrorCode.BAD_SEAL;
}

/** The client error of a refused seal, ours or the peer's. */
export function sealFailureError(code: SealFailureCode, message: string, sealCode: string | null): FederationClientError {
  if (code === FederationErrorCode.VERSION_MISMATCH) return { code, message, peerProtocol: null };
  return { code, message, sealCode };
}
