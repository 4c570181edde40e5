import { isIPv4 } from 'node:net';
import { SERVICE_PTR_NAME } from '../constants';
import type { DiscoveryRecord } from './discovery-record';

const SERVICE_SUFFIX = `.${SERVICE_PTR_NAME}`;
const KIND_ORDER: Readonly<Record<DiscoveryRecord['kind'], number>> = { PTR: 0, SRV: 1, TXT: 2, A: 3 };

function asRecord(value: unknown): Readonly<Record<string, unknown>> | undefined {
  return typeof value === 'object' && value !== null ? (value as Readonly<Record<string, unknown>>) : undefined;
}

function dnsName(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  return name.length > 0 ? name : undefined;
}

function ttlOf(record: Readonly<Record<string, unknown>>): number | undefined {
  const ttl = record['ttl'];
  return typeof ttl === 'number' && Number.isFinite(ttl) && ttl >= 0 ? ttl : undefined;
}

/** `My Node._local-swarm._tcp.local` → `My Node`; undefined for names of other services. */
export function instanceNameOf(fqdn: string): string | undefined {
  if (fqdn.length <= SERVICE_SUFFIX.length || !fqdn.toLowerCase().endsWith(SERVICE_SUFFIX)) return undefined;
  return fqdn.slice(0, -SERVICE_SUFFIX.length);
}

function normalizeOne(value: unknown): DiscoveryRecord | undefined {
  const record = asRecord(value);
  if (record === undefined) return undefined;
  const name = dnsName(record['name']);
  const ttl = ttlOf(record);
  if (name === undefined || ttl === undefined) return undefined;
  const data = record['data'];

  switch (record['type']) {
    case 'PTR': {
      if (name.toLowerCase() !== SERVICE_PTR_NAME) return undefined;
      const fqdn = dnsName(data);
      const instanceName = fqdn === undefined ? undefined : instanceNameOf(fqdn);
      if (fqdn === undefined || instanceName === undefined) return undefined;
      return { kind: 'PTR', instance: fqdn.toLowerCase(), instanceName, ttl };
    }
    case 'SRV': {
      const instanceName = instanceNameOf(name);
      const srv = asRecord(data);
      const target = dnsName(srv?.['target']);
      const port = srv?.['port'];
      if (instanceName === undefined || target === undefined || typeof port !== 'number') return undefined;
      return { kind: 'SRV', instance: name.toLowerCase(), instanceName, ttl, target: target.toLowerCase(), port };
    }
    case 'TXT': {
      const instanceName = instanceNameOf(name);
      if (instanceName === undefined) return undefined;
      const list: readonly unknown[] = Array.isArray(data) ? data : [data];
      const buffers = list
        .map((item) => (Buffer.isBuffer(item) ? item : typeof item === 'string' ? Buffer.from(item, 'utf8') : undefined))
        .filter((item): item is Buffer => item !== undefined);
      return { kind: 'TXT', instance: name.toLowerCase(), instanceName, ttl, data: buffers };
    }
    case 'A': {
      if (typeof data !== 'string' || !isIPv4(data)) return undefined;
      return { kind: 'A', host: name.toLowerCase(), ttl, address: data, flush: record['flush'] === true };
    }
    default:
      return undefined;
  }
}

/**
 * The discovery-relevant records of a decoded mDNS response (answers, then authorities and
 * additionals), PTR first, then SRV, TXT and A, so that a host's addresses are read after the SRV
 * record that names it. Anything malformed or unrelated is skipped; never throws.
 */
export function normalizeRecords(packet: unknown): DiscoveryRecord[] {
  const sections = asRecord(packet);
  if (sections === undefined) return [];
  const records: DiscoveryRecord[] = [];
  for (const section of ['answers', 'authorities', 'additionals'] as const) {
    const list = sections[section];
    if (!Array.isArray(list)) continue;
    for (const item of list as readonly unknown[]) {
      const normalized = normalizeOne(item);
      if (normalized !== undefined) records.push(normalized);
    }
  }
  return records.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
}
