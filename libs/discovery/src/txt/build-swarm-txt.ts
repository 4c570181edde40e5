import { DISCOVERY_PROTOCOL_VERSION, TxtKey } from '../constants';
import type { SwarmInfo } from '../peers/peer-info';

/** RFC 6763 §6.1: one `key=value` string of a TXT record holds at most 255 bytes. */
export const MAX_TXT_ENTRY_BYTES = 255;

/** Cuts a string to at most `maxBytes` UTF-8 bytes without splitting a character. */
export function truncateUtf8(value: string, maxBytes: number): string {
  if (Buffer.byteLength(value, 'utf8') <= maxBytes) return value;
  let result = '';
  let bytes = 0;
  for (const char of value) {
    const size = Buffer.byteLength(char, 'utf8');
    if (bytes + size > maxBytes) break;
    result += char;
    bytes += size;
  }
  return result;
}

/**
 * The TXT record this node advertises: `txtvers`, `version`, `node_id`, `instances`, `model_id`,
 * `hardware_summary`, `api_port`, `protocol`, `model_sha256` once known, and `key_id` when paired. Each entry is cut to 255 bytes (RFC 6763 §6.1); the
 * info itself is validated by the caller (validateSwarmInfo).
 */
export function buildSwarmTxt(info: SwarmInfo): Record<string, string> {
  const pairs: [string, string][] = [
    [TxtKey.TXT_VERSION, String(DISCOVERY_PROTOCOL_VERSION)],
    [TxtKey.VERSION, info.version],
    [TxtKey.NODE_ID, info.nodeId],
    [TxtKey.INSTANCES, String(info.instances)],
    [TxtKey.MODEL_ID, info.modelId],
    [TxtKey.HARDWARE_SUMMARY, info.hardwareSummary],
    [TxtKey.API_PORT, String(info.apiPort)],
    [TxtKey.PROTOCOL, String(info.protocol)],
    ...(info.modelSha256 !== undefined ? [[TxtKey.MODEL_SHA256, info.modelSha256.toLowerCase()] satisfies [string, string]] : []),
    ...(info.keyId !== undefined ? [[TxtKey.KEY_ID, info.keyId.toLowerCase()] satisfies [string, string]] : []),
  ];
  const txt: Record<string, string> = {};
  for (const [key, value] of pairs) {
    txt[key] = truncateUtf8(value, MAX_TXT_ENTRY_BYTES - key.length - 1);
  }
  return txt;
}
