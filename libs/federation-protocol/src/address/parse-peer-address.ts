import { isIP } from 'node:net';
import { invalidAddress, type FederationParseError } from '../errors/federation-error';
import { formatHostPort } from '../ids/peer-id';
import { DEFAULT_FEDERATION_PORT } from '../protocol/protocol-constants';

/** A peer address as given by `--peer` or `POST /v1/federation/peers`. */
export type PeerAddress =
  | {
      readonly kind: 'federation';
      /** IP literal (IPv6 without brackets) or lower-case hostname. */
      readonly host: string;
      readonly port: number;
    }
  | {
      readonly kind: 'openai';
      /**
       * `http(s)://host:port/path` without a trailing slash, e.g. `http://10.0.0.5:8080/v1` or
       * `https://gpu-box.lan:443/v1`: the port is always written, so one server has one base URL.
       */
      readonly baseUrl: string;
      readonly host: string;
      readonly port: number;
    };

export type PeerAddressResult =
  | { readonly ok: true; readonly peer: PeerAddress }
  | { readonly ok: false; readonly error: FederationParseError };

const OPENAI_PREFIX = 'openai+';

/** The schemes an OpenAI-compatible server may be reached by, with their default ports. */
const OPENAI_DEFAULT_PORTS: ReadonlyMap<string, number> = new Map([
  ['http', 80],
  ['https', 443],
]);

/**
 * Parses a peer address:
 * - `host:port` / `[ipv6]:port` / `host`: a Local Swarm node (port defaults to 17615);
 * - `openai+http://host[:port]/path`: an OpenAI-compatible server whose base URL is
 *   `http://host:port/path` (port defaults to 80);
 * - `openai+https://host[:port]/path`: the same over TLS, `https://host:port/path` (port defaults
 *   to 443), its certificate always verified.
 *
 * Local Swarm peers stay plain http: their messages are sealed with the swarm key instead.
 * Hosts must be IP literals or RFC 1123 hostnames; nothing is resolved here.
 */
export function parsePeerAddress(input: string): PeerAddressResult {
  const trimmed = input.trim();
  if (trimmed === '') return fail(input, 'it is empty');
  if (trimmed.toLowerCase().startsWith(OPENAI_PREFIX)) return parseOpenAi(input, trimmed.slice(OPENAI_PREFIX.length));
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    return fail(
      input,
      'give host:port for a Local Swarm peer, or openai+http://host:port/v1 for an OpenAI-compatible server',
    );
  }
  const split = splitHostPort(trimmed);
  if (!split.ok) return fail(input, split.reason);
  const host = checkHost(split.host, split.bracketed);
  if (!host.ok) return fail(input, host.reason);
  const port = split.port === null ? DEFAULT_FEDERATION_PORT : parsePort(split.port);
  if (port === null) return fail(input, `port ${JSON.stringify(split.port)} is not an integer in 1..65535`);
  return { ok: true, peer: { kind: 'federation', host: host.host, port } };
}

function parseOpenAi(input: string, url: string): PeerAddressResult {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  const defaultPort = scheme === undefined ? undefined : OPENAI_DEFAULT_PORTS.get(scheme);
  if (scheme === undefined || defaultPort === undefined) {
    return fail(input, `only openai+http:// and openai+https:// are supported, got ${scheme ?? 'no scheme'}`);
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail(input, 'it is not a valid URL');
  }
  if (parsed.username !== '' || parsed.password !== '') return fail(input, 'credentials in the URL are not supported');
  if (parsed.search !== '' || parsed.hash !== '') return fail(input, 'a query or fragment is not allowed in a base URL');
  const bracketed = parsed.hostname.startsWith('[');
  const host = checkHost(bracketed ? parsed.hostname.slice(1, -1) : parsed.hostname, bracketed);
  if (!host.ok) return fail(input, host.reason);
  // URL drops the scheme's default port and rejects ports above 65535 already; port 0 is still possible.
  const port = parsed.port === '' ? defaultPort : parsePort(parsed.port);
  if (port === null) return fail(input, `port ${parsed.port} is not an integer in 1..65535`);
  const path = parsed.pathname.replace(/\/+$/, '');
  const baseUrl = `${scheme}://${formatHostPort(host.host, port)}${path}`;
  return { ok: true, peer: { kind: 'openai', baseUrl, host: host.host, port } };
}

function fail(input: string, reason: string): PeerAddressResult {
  return { ok: false, error: invalidAddress(input, reason) };
}

type Split =
  | { readonly ok: true; readonly host: string; readonly port: string | null; readonly bracketed: boolean }
  | { readonly ok: false; readonly reason: string };

function splitHostPort(value: string): Split {
  if (value.startsWith('[')) {
    const close = value.indexOf(']');
    if (close < 0) return { ok: false, reason: 'missing "]" after the IPv6 address' };
    const rest = value.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) return { ok: false, reason: 'expected ":port" after "]"' };
    return { ok: true, host: value.slice(1, close), port: rest === '' ? null : rest.slice(1), bracketed: true };
  }
  const colons = value.split(':').length - 1;
  if (colons > 1) return { ok: false, reason: 'write IPv6 addresses in brackets, e.g. [fd00::1]:17615' };
  if (colons === 0) return { ok: true, host: value, port: null, bracketed: false };
  const at = value.indexOf(':');
  return { ok: true, host: value.slice(0, at), port: value.slice(at + 1), bracketed: false };
}

function parsePort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65_535 ? port : null;
}

type HostCheck = { readonly ok: true; readonly host: string } | { readonly ok: false; readonly reason: string };

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

function checkHost(raw: string, bracketed: boolean): HostCheck {
  if (raw === '') return { ok: false, reason: 'the host is empty' };
  if (bracketed) {
    if (raw.includes('%')) return { ok: false, reason: 'IPv6 zone indexes (%eth0) are not supported' };
    return isIP(raw) === 6 ? { ok: true, host: raw.toLowerCase() } : { ok: false, reason: `${raw} is not an IPv6 address` };
  }
  if (isIP(raw) === 4) return { ok: true, host: raw };
  const host = raw.toLowerCase().replace(/\.$/, '');
  const labels = host.split('.');
  const last = labels[labels.length - 1] ?? '';
  // RFC 1123 §2.1 hostnames; an all-numeric last label means a mistyped IPv4 (RFC 3696 §2), e.g. 192.168.1.300.
  if (host.length > 253 || !labels.every((label) => LABEL.test(label)) || /^\d+$/.test(last)) {
    return { ok: false, reason: `${JSON.stringify(raw)} is neither an IP address nor a valid hostname` };
  }
  return { ok: true, host };
}
