import { KEY_ID_HEX, SHA256_HEX } from '../constants';
import { DiscoveryError, DiscoveryErrorCode } from '../errors/discovery-error';
import type { SwarmInfo } from '../peers/peer-info';
import { truncateUtf8 } from '../txt/build-swarm-txt';

/**
 * A DNS label holds 63 bytes (RFC 1035 §2.3.4); the responder may append " (NN)" on a conflict,
 * so names are cut to leave room for it.
 */
export const MAX_SERVICE_NAME_BYTES = 56;
/** A DNS label for the responder's hostname: letters, digits and '-' only, at most 63 bytes. */
const MAX_HOSTNAME_LABEL_BYTES = 56;
/** Node ids must fit one TXT entry and survive the peer side's cleaning unchanged. */
export const MAX_NODE_ID_LENGTH = 200;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;

/** Checks a node id (options.nodeId, SwarmInfo.nodeId); returns why it is unusable, or null. */
export function nodeIdProblem(nodeId: unknown): string | null {
  if (typeof nodeId !== 'string' || nodeId.trim().length === 0) return 'nodeId must be a non-empty string';
  if (nodeId !== nodeId.trim() || nodeId.replace(CONTROL_CHARACTERS, '') !== nodeId) {
    return 'nodeId must have no control characters and no leading or trailing spaces';
  }
  if (nodeId.length > MAX_NODE_ID_LENGTH) return `nodeId must be at most ${MAX_NODE_ID_LENGTH} characters`;
  return null;
}

/** The instance name as advertised: control characters removed, trimmed, cut to 56 UTF-8 bytes. */
export function fitServiceName(name: string): string {
  return truncateUtf8(name.replace(CONTROL_CHARACTERS, '').replace(/\./g, '-').trim(), MAX_SERVICE_NAME_BYTES).trim();
}

/** A hostname label derived from the instance name: `local-swarm on my.box` → `local-swarm-on-my-box`. */
export function hostnameFor(name: string): string {
  const label = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // combining marks: "Ü" → "U"
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  return truncateUtf8(label, MAX_HOSTNAME_LABEL_BYTES).replace(/-$/, '') || 'local-swarm';
}

function invalid(message: string): DiscoveryError {
  return new DiscoveryError(DiscoveryErrorCode.INVALID_INFO, message);
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

/**
 * Throws DISCOVERY_ERR_INVALID_INFO for a SwarmInfo that cannot be advertised (a programmer error:
 * the app builds it). `expectedNodeId` is the service's own node id, which must match.
 */
export function validateSwarmInfo(info: SwarmInfo, expectedNodeId: string): void {
  if (typeof info.name !== 'string' || fitServiceName(info.name).length === 0) {
    throw invalid('name must contain at least one visible character');
  }
  const nodeIdIssue = nodeIdProblem(info.nodeId);
  if (nodeIdIssue !== null) throw invalid(nodeIdIssue);
  if (info.nodeId !== expectedNodeId) {
    throw invalid(`nodeId ${JSON.stringify(info.nodeId)} differs from the service's nodeId ${JSON.stringify(expectedNodeId)}`);
  }
  if (!isIntegerIn(info.apiPort, 1, 65_535)) throw invalid(`apiPort must be an integer from 1 to 65535, got ${String(info.apiPort)}`);
  if (!isIntegerIn(info.instances, 1, 1024)) throw invalid(`instances must be an integer from 1 to 1024, got ${String(info.instances)}`);
  if (!isIntegerIn(info.protocol, 0, 2_147_483_647)) throw invalid(`protocol must be a non-negative integer, got ${String(info.protocol)}`);
  for (const key of ['version', 'modelId', 'hardwareSummary'] as const) {
    if (typeof info[key] !== 'string') throw invalid(`${key} must be a string`);
  }
  if (info.modelSha256 !== undefined && (typeof info.modelSha256 !== 'string' || !SHA256_HEX.test(info.modelSha256))) {
    throw invalid('modelSha256 must be 64 hexadecimal digits');
  }
  if (info.keyId !== undefined && (typeof info.keyId !== 'string' || !KEY_ID_HEX.test(info.keyId))) {
    throw invalid('keyId must be 16 hexadecimal digits');
  }
}
