import { formatHostPort } from '@local-swarm/federation-protocol';

/** The API root of the Local Swarm node at `host:port`: `http://host:port` (IPv6 in brackets). */
export function federationBaseUrl(host: string, port: number): string {
  return `http://${formatHostPort(host, port)}`;
}
