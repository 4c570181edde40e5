/** mDNS service type of Local Swarm nodes: `_local-swarm._tcp.local.` (RFC 6763 §7: at most 15 characters). */
export const SERVICE_TYPE = 'local-swarm';

/** The PTR name browsed for, as multicast-dns writes names (no trailing dot). */
export const SERVICE_PTR_NAME = `_${SERVICE_TYPE}._tcp.local`;

/**
 * Version of this TXT schema, advertised as `txtvers` (RFC 6763 §6.7). It changes only when the
 * meaning of the keys below changes incompatibly. The federation protocol version is a different
 * number: the caller gives it in `SwarmInfo.protocol` and it travels as TXT `protocol`.
 */
export const DISCOVERY_PROTOCOL_VERSION = 1;

/** The TXT keys (RFC 6763 §6.4: keys are case-insensitive; we write them lower-case). */
export const TxtKey = {
  TXT_VERSION: 'txtvers',
  VERSION: 'version',
  NODE_ID: 'node_id',
  INSTANCES: 'instances',
  MODEL_ID: 'model_id',
  HARDWARE_SUMMARY: 'hardware_summary',
  API_PORT: 'api_port',
  PROTOCOL: 'protocol',
  MODEL_SHA256: 'model_sha256',
  /** The swarm's key id (16 hex digits) of a paired node; absent on an open (protocol 1) node. */
  KEY_ID: 'key_id',
} as const;

/** A SHA-256 digest as hex, as the `model_sha256` TXT key carries it. */
export const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/** A swarm key id: 16 hex digits (8 bytes of HKDF output), safe to advertise. */
export const KEY_ID_HEX = /^[0-9a-fA-F]{16}$/;

/** A peer unseen this long is dropped (peers time out after 60 seconds unseen, as the original prototype did). */
export const DEFAULT_PEER_TTL_MS = 60_000;

/**
 * How often the PTR query is repeated. RFC 6762 §5.2 would back off continuous queries up to an
 * hour, but live peers must answer well within peerTtlMs for liveness, so the interval stays fixed
 * (one small packet per node every 5 s on a LAN).
 */
export const DEFAULT_QUERY_INTERVAL_MS = 5_000;

/** Strings read from a peer's TXT are capped at this many characters. */
export const MAX_TXT_STRING_LENGTH = 256;

/** `instances` in a peer's TXT is clamped to this range. */
export const MIN_INSTANCES = 1;
export const MAX_INSTANCES = 1024;

/** Instances tracked at once (complete or not): a flood of fake services cannot grow memory past it. */
export const MAX_TRACKED_INSTANCES = 1024;

/** A missing SRV/TXT/A record of one name is asked again at most this often. */
export const FOLLOW_UP_INTERVAL_MS = 1_000;
