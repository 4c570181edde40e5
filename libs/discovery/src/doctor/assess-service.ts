import { doctorCheck, type DoctorCheck } from '@local-swarm/net-binding';
import { parsePeerTxt, type PeerTxtFields } from '../txt/parse-peer-txt';
import type { HealthProbeResult } from './health-probe';
import type { SeenService } from './seen-service';
import type { ServiceAssessmentContext } from './service-assessment-context';

const ID = 'service';
const DEFAULT_MAX_CLOCK_SKEW_MS = 30_000;
const KEY_ID = /^key_id=/i;

/**
 * Whether a seen service would become a peer, and why not: its TXT (the same validation as
 * discovery's), this node's block list, its protocol version, whether its health endpoint answers, its clock, and, for a
 * service of another swarm, the pluggable block reasons.
 */
export async function assessService(service: SeenService, context: ServiceAssessmentContext): Promise<DoctorCheck> {
  const label = JSON.stringify(service.instanceName);
  if (service.txt === null || service.port === null) {
    return doctorCheck(ID, 'warn', `${label}: not a peer yet: its ${service.txt === null ? 'TXT' : 'SRV'} record was not heard`, {
      hint: 'run doctor again with a longer --timeout-ms; a lossy Wi-Fi may drop multicast',
    });
  }
  const txt = parsePeerTxt(service.txt);
  if (!txt.ok) {
    return doctorCheck(ID, 'fail', `${label}: would not be a peer: bad TXT record (${txt.reason})`, {
      hint: 'that service is not a Local Swarm node of a compatible version, or is broken',
    });
  }
  const { fields } = txt;
  const address = service.addresses[0] ?? service.sourceAddress;
  const who = `${label} (node ${fields.nodeId}, v${fields.version || '?'}) at ${address}:${fields.apiPort}`;
  // Checked before anything is asked of it: the node never contacts a blocked peer either.
  if (context.isBlocked?.(fields.nodeId) === true) {
    return doctorCheck(ID, 'warn', `${who}: not a peer: blocked (this machine's block list refuses it)`, {
      hint: `if that is your machine: local-swarm peers unblock ${fields.nodeId}`,
    });
  }
  if (context.openProtocol !== undefined && fields.protocol === context.openProtocol && fields.protocol !== context.ownProtocol) {
    return doctorCheck(ID, 'warn', `${who}: not a peer: it runs open federation (protocol ${fields.protocol}, unsealed); paired nodes never ask it`, {
      hint: 'join it to your swarm (on it: local-swarm --federation --join <string from local-swarm key show here>), or run every node with --federation-open',
    });
  }
  if (fields.protocol !== context.ownProtocol) {
    return doctorCheck(ID, 'fail', `${who}: would not be a peer: protocol ${fields.protocol}, this node speaks ${context.ownProtocol}`, {
      hint: 'run the same Local Swarm version on every machine',
    });
  }
  const swarm = otherSwarm(service, fields, context);
  if (swarm !== null) return doctorCheck(ID, 'warn', `${who}: not a peer: ${swarm.summary}`, { details: swarm.reasons });

  // A probe that throws is a bug there, but still means the service could not be checked.
  const health = await context
    .checkHealth(address, fields.apiPort, context.healthTimeoutMs)
    .catch((error: unknown): HealthProbeResult => ({ reachable: false, reason: error instanceof Error ? error.message : String(error) }));
  if (!health.reachable || health.status !== 200) {
    const why = health.reachable ? `health answered HTTP ${health.status}` : health.reason;
    return doctorCheck(ID, 'fail', `${who}: would not be a peer: unreachable (${why})`, {
      hint: `on that machine: the node must listen on its LAN address (not 127.0.0.1) and its firewall must allow TCP ${fields.apiPort}`,
    });
  }
  const skewMs = health.date === null ? Number.NaN : Date.parse(health.date) - context.now();
  if (Math.abs(skewMs) > (context.maxClockSkewMs ?? DEFAULT_MAX_CLOCK_SKEW_MS)) {
    return doctorCheck(ID, 'warn', `${who}: would be a peer, but its clock is ${Math.round(skewMs / 1000)} s off this one`, {
      hint: 'turn on time sync on both machines (timedatectl set-ntp true)',
    });
  }
  return doctorCheck(ID, 'ok', `${who}: would be a peer`);
}

/** Set when the service carries a `key_id` differing from ours: it belongs to another swarm. */
function otherSwarm(
  service: SeenService,
  fields: PeerTxtFields,
  context: ServiceAssessmentContext,
): { readonly summary: string; readonly reasons: readonly string[] } | null {
  const keyId = readKeyId(service.txt ?? []);
  if (keyId === null || keyId === context.ownKeyId) return null;
  if (context.ownKeyId === null) {
    return { summary: `member of a swarm (key_id ${keyId}) this machine has not joined: run local-swarm key show there, then --join here`, reasons: [] };
  }
  const reasons = context.blockReasons
    .map((reason) => reason({ service, fields, keyId }))
    .filter((reason): reason is string => reason !== null);
  return { summary: `other swarm (key_id ${keyId}, ours ${context.ownKeyId})`, reasons };
}

/** TXT `key_id` (first occurrence, case-insensitive key), or null when absent or empty. */
function readKeyId(txt: readonly Buffer[]): string | null {
  const entry = txt.map((item) => item.toString('utf8')).find((text) => KEY_ID.test(text));
  const value = entry?.slice('key_id='.length).trim() ?? '';
  // eslint-disable-next-line no-control-regex
  return value.length === 0 ? null : value.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 256);
}
