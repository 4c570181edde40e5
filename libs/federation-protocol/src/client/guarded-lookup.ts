import { lookup as systemLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { peerAddressRefusal, type PeerAddressPolicy } from '../address/peer-address-policy';
import { ForbiddenAddressError } from './forbidden-address-error';

/** Every address a host name resolves to. Injectable so tests can resolve a name to any address. */
export type HostResolver = (hostname: string) => Promise<readonly LookupAddress[]>;

/** The operating system's resolver (getaddrinfo: /etc/hosts, DNS, mDNS where the system has it). */
export const systemHostResolver: HostResolver = (hostname) =>
  new Promise((resolve, reject) => {
    systemLookup(hostname, { all: true, verbatim: true }, (error, addresses) => (error === null ? resolve(addresses) : reject(error)));
  });

type LookupCallback = Parameters<LookupFunction>[2];

/**
 * The `lookup` of a peer's http.Agent: resolves the name when the socket connects and hands on only
 * the addresses the policy allows, so what is checked is what is connected to. A name checked
 * once and resolved again later (DNS rebinding) cannot slip through. None allowed: the connection
 * fails with FEDERATION_ERR_FORBIDDEN_ADDRESS before any packet goes to the host.
 */
export function guardedLookup(policy: PeerAddressPolicy, resolveHost: HostResolver): LookupFunction {
  return (hostname, options, callback) => {
    const family = familyNumber(options.family);
    void Promise.resolve()
      .then(() => resolveHost(hostname))
      .then(
        (resolved) => allowedAddresses(hostname, resolved, family, policy),
        (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
      )
      // Outside the promise chain: a throwing callback must fail like any socket callback, not as an unhandled rejection.
      .then((outcome) => process.nextTick(deliver, outcome, options.all === true, callback));
  };
}

function allowedAddresses(hostname: string, resolved: readonly LookupAddress[], family: 0 | 4 | 6, policy: PeerAddressPolicy): LookupAddress[] | Error {
  const candidates = family === 0 ? resolved : resolved.filter((entry) => entry.family === family);
  if (candidates.length === 0) return Object.assign(new Error(`${hostname} did not resolve to any address`), { code: 'ENOTFOUND' });
  const allowed = candidates.filter((entry) => peerAddressRefusal(entry.address, policy) === null);
  if (allowed.length > 0) return allowed;
  const refusals = candidates.map((entry) => peerAddressRefusal(entry.address, policy) ?? entry.address);
  return new ForbiddenAddressError(hostname, `${hostname} resolves only to addresses a peer may not have: ${refusals.join('; ')}`);
}

function deliver(outcome: LookupAddress[] | Error, all: boolean, callback: LookupCallback): void {
  if (outcome instanceof Error) {
    callback(outcome, all ? [] : '', 0);
    return;
  }
  const [first] = outcome;
  if (all || first === undefined) callback(null, outcome);
  else callback(null, first.address, first.family);
}

function familyNumber(family: number | string | undefined): 0 | 4 | 6 {
  if (family === 4 || family === 'IPv4') return 4;
  if (family === 6 || family === 'IPv6') return 6;
  return 0;
}
