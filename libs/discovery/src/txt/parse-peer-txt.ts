import { KEY_ID_HEX, MAX_INSTANCES, MAX_TXT_STRING_LENGTH, MIN_INSTANCES, SHA256_HEX, TxtKey } from '../constants';

/** The fields of a peer's TXT record, checked and normalised. */
export interface PeerTxtFields {
  readonly nodeId: string;
  /** 1..65535. */
  readonly apiPort: number;
  /** Clamped to 1..1024; 1 when missing or not an integer. */
  readonly instances: number;
  /** A non-negative integer; 0 (unknown) when missing or not an integer. */
  readonly protocol: number;
  /** '' when missing. Strings lose control characters and are capped at 256 characters. */
  readonly version: string;
  readonly modelId: string;
  readonly hardwareSummary: string;
  /** Lower-case hex; null when missing or not 64 hex digits (a malformed digest is ignored, not trusted). */
  readonly modelSha256: string | null;
  /** Lower-case key id of its swarm; null when missing or not 16 hex digits (then it is an open node). */
  readonly keyId: string | null;
}

/** Why a TXT record cannot describe a usable peer. */
export type PeerTxtRejection = 'missing node_id' | 'missing api_port' | 'api_port is not a port number (1-65535)';

export type PeerTxtResult =
  | { readonly ok: true; readonly fields: PeerTxtFields }
  | { readonly ok: false; readonly reason: PeerTxtRejection };

/** TXT data as multicast-dns decodes it (`key=value` strings) or as a key-value map. */
export type PeerTxtInput = Readonly<Record<string, string | Buffer>> | readonly Buffer[];

const MAX_PROTOCOL = 2_147_483_647;
const INTEGER = /^\s*[+-]?\d{1,16}\s*$/;
// C0 controls, DEL and C1 controls: never useful in a name, harmful in a log line or a dashboard.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

function toText(value: string | Buffer): string {
  return typeof value === 'string' ? value : value.toString('utf8');
}

/**
 * Reads `key=value` entries. RFC 6763 §6.4: keys are case-insensitive, an entry with an empty key
 * is ignored, and only the first occurrence of a key counts. An entry without '=' is a boolean
 * attribute: it has no value, so it is skipped here.
 */
function entries(txt: PeerTxtInput): Map<string, string> {
  const map = new Map<string, string>();
  const add = (key: string, value: string): void => {
    const lowered = key.toLowerCase();
    if (lowered.length > 0 && !map.has(lowered)) map.set(lowered, value);
  };
  if (Array.isArray(txt)) {
    for (const entry of txt as readonly unknown[]) {
      if (!Buffer.isBuffer(entry) && typeof entry !== 'string') continue;
      const text = toText(entry);
      const equals = text.indexOf('=');
      if (equals > 0) add(text.slice(0, equals), text.slice(equals + 1));
    }
  } else if (typeof txt === 'object' && txt !== null) {
    for (const [key, value] of Object.entries(txt as Readonly<Record<string, unknown>>)) {
      if (typeof value === 'string' || Buffer.isBuffer(value)) add(key, toText(value));
    }
  }
  return map;
}

function cleanString(value: string | undefined): string {
  if (value === undefined) return '';
  const cleaned = value.replace(CONTROL_CHARACTERS, '').trim();
  const codePoints = Array.from(cleaned);
  return codePoints.length > MAX_TXT_STRING_LENGTH ? codePoints.slice(0, MAX_TXT_STRING_LENGTH).join('') : cleaned;
}

function parseInteger(value: string | undefined): number | undefined {
  if (value === undefined || !INTEGER.test(value)) return undefined;
  return Number.parseInt(value, 10);
}

function hexOf(value: string | undefined, pattern: RegExp): string | null {
  const trimmed = value?.trim();
  return trimmed !== undefined && pattern.test(trimmed) ? trimmed.toLowerCase() : null;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * Checks a peer's TXT record. Pure; never throws, whatever the input.
 *
 * - `node_id` (non-empty) and `api_port` (integer 1..65535) are required: without them the peer
 *   cannot be told apart or called, so the record is rejected.
 * - `instances` is clamped to 1..1024 (1 when missing or not an integer).
 * - `protocol` is an integer clamped to 0..2^31-1 (0 when missing or not an integer).
 * - Strings lose control characters, are trimmed and capped at 256 characters.
 * - `model_sha256` is kept only when it is 64 hex digits, `key_id` only when 16 (lower-cased).
 */
export function parsePeerTxt(txt: PeerTxtInput): PeerTxtResult {
  const map = entries(txt);
  const nodeId = cleanString(map.get(TxtKey.NODE_ID));
  if (nodeId.length === 0) return { ok: false, reason: 'missing node_id' };

  const rawPort = map.get(TxtKey.API_PORT);
  if (rawPort === undefined || rawPort.trim().length === 0) return { ok: false, reason: 'missing api_port' };
  const apiPort = parseInteger(rawPort);
  if (apiPort === undefined || apiPort < 1 || apiPort > 65_535) {
    return { ok: false, reason: 'api_port is not a port number (1-65535)' };
  }

  const instances = parseInteger(map.get(TxtKey.INSTANCES));
  const protocol = parseInteger(map.get(TxtKey.PROTOCOL));
  return {
    ok: true,
    fields: {
      nodeId,
      apiPort,
      instances: instances === undefined ? MIN_INSTANCES : clamp(instances, MIN_INSTANCES, MAX_INSTANCES),
      protocol: protocol === undefined ? 0 : clamp(protocol, 0, MAX_PROTOCOL),
      version: cleanString(map.get(TxtKey.VERSION)),
      modelId: cleanString(map.get(TxtKey.MODEL_ID)),
      hardwareSummary: cleanString(map.get(TxtKey.HARDWARE_SUMMARY)),
      modelSha256: hexOf(map.get(TxtKey.MODEL_SHA256), SHA256_HEX),
      keyId: hexOf(map.get(TxtKey.KEY_ID), KEY_ID_HEX),
    },
  };
}
