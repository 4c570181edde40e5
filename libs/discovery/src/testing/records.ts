import type { DiscoveryRecord } from '../records/discovery-record';

/** Builders of normalised records for the unit tests (as normalizeRecords() would produce them). */
const SUFFIX = '._local-swarm._tcp.local';

export const ptr = (name: string, ttl = 4500): DiscoveryRecord => ({
  kind: 'PTR',
  instance: `${name}${SUFFIX}`.toLowerCase(),
  instanceName: name,
  ttl,
});

export const srv = (name: string, target: string, ttl = 120, port = 17615): DiscoveryRecord => ({
  kind: 'SRV',
  instance: `${name}${SUFFIX}`.toLowerCase(),
  instanceName: name,
  ttl,
  target: target.toLowerCase(),
  port,
});

export const txt = (name: string, entries: Readonly<Record<string, string>>, ttl = 4500): DiscoveryRecord => ({
  kind: 'TXT',
  instance: `${name}${SUFFIX}`.toLowerCase(),
  instanceName: name,
  ttl,
  data: Object.entries(entries).map(([key, value]) => Buffer.from(`${key}=${value}`)),
});

export const a = (host: string, address: string, ttl = 120, flush = true): DiscoveryRecord => ({
  kind: 'A',
  host: host.toLowerCase(),
  ttl,
  address,
  flush,
});

/** The full record set one node answers a PTR query with. */
export function service(
  name: string,
  nodeId: string,
  address: string,
  extra: Readonly<Record<string, string>> = {},
  ttl = 4500,
): DiscoveryRecord[] {
  const host = `${name.replace(/[^A-Za-z0-9]+/g, '-')}.local`;
  return [
    ptr(name, ttl),
    srv(name, host, ttl === 0 ? 0 : 120),
    txt(name, { node_id: nodeId, api_port: '17615', instances: '2', version: '0.1.0', protocol: '1', ...extra }, ttl),
    a(host, address, ttl === 0 ? 0 : 120),
  ];
}
