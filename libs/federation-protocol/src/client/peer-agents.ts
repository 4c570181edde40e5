import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import type { PeerAddressPolicy } from '../address/peer-address-policy';
import { guardedLookup, type HostResolver } from './guarded-lookup';

/**
 * How https peers (`openai+https://…`) are verified. Verification itself is always on: the
 * certificate must chain to a trusted authority and name the host (SNI and hostname check), and
 * nothing here turns that off.
 */
export interface PeerTlsOptions {
  /**
   * PEM certificate authorities to trust INSTEAD of Node's default store (a private CA in tests
   * or in an application that ships its own). Unset: Node's default store, which
   * `NODE_EXTRA_CA_CERTS=/path/to/ca.pem` extends with a private CA without code.
   */
  readonly ca?: string | Buffer | readonly (string | Buffer)[];
}

export interface PeerAgents {
  readonly httpAgent: HttpAgent;
  readonly httpsAgent: HttpsAgent;
}

/**
 * The connection agents of one peer. Both resolve host names through the guarded lookup, so an
 * https peer gets the same address policy, at connect time, as an http one.
 */
export function peerAgents(policy: PeerAddressPolicy, resolveHost: HostResolver, tls: PeerTlsOptions = {}): PeerAgents {
  const lookup = guardedLookup(policy, resolveHost);
  return {
    httpAgent: new HttpAgent({ keepAlive: true, lookup }),
    httpsAgent: new HttpsAgent({
      keepAlive: true,
      lookup,
      // Explicit, so NODE_TLS_REJECT_UNAUTHORIZED=0 in the environment cannot switch verification off for peers.
      rejectUnauthorized: true,
      ...(tls.ca !== undefined && { ca: typeof tls.ca === 'string' || Buffer.isBuffer(tls.ca) ? tls.ca : [...tls.ca] }),
    }),
  };
}
