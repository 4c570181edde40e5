import { normalizeHostName } from '@local-swarm/net-binding';
import { textLists } from './collection-kinds';

/** `http(s)://host[:port]`, nothing after: what a browser sends in its Origin header. */
const ORIGIN_SHAPE = /^https?:\/\/[^/?#@\s\\]+$/i;

/** A web origin as browsers serialize it (lower case, default port dropped), or undefined. */
function webOrigin(value: unknown): string | undefined {
  if (typeof value !== 'string' || !ORIGIN_SHAPE.test(value) || !URL.canParse(value)) return undefined;
  const { origin } = new URL(value);
  return origin === 'null' ? undefined : origin;
}

/** A host name or IP literal without port, lower case (`normalizeHostName` of net-binding). */
function hostName(value: unknown): string | undefined {
  return typeof value === 'string' ? normalizeHostName(value) ?? undefined : undefined;
}

/** Web origins allowed to call the API from a browser (CORS). */
export const originLists = textLists(webOrigin, {
  expected: 'a list of web origins (scheme://host[:port], e.g. http://192.168.1.20:3000)',
  expectedCli: 'a web origin (scheme://host[:port], e.g. http://192.168.1.20:3000)',
});

/** Extra names the node answers to in the Host header. */
export const hostNameLists = textLists(hostName, {
  expected: 'a list of host names or IP addresses, without port (e.g. swarm.lan)',
  expectedCli: 'a host name or IP address, without port (e.g. swarm.lan)',
});
