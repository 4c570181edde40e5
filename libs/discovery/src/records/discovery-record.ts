/**
 * The mDNS records discovery cares about, normalised from a decoded packet. Names are compared
 * case-insensitively (RFC 6762 §16), so keys are lower-cased; `instanceName` keeps the case the
 * peer chose, for display.
 */
export type DiscoveryRecord =
  | { readonly kind: 'PTR'; readonly instance: string; readonly instanceName: string; readonly ttl: number }
  | {
      readonly kind: 'SRV';
      readonly instance: string;
      readonly instanceName: string;
      readonly ttl: number;
      readonly target: string;
      readonly port: number;
    }
  | {
      readonly kind: 'TXT';
      readonly instance: string;
      readonly instanceName: string;
      readonly ttl: number;
      readonly data: readonly Buffer[];
    }
  | { readonly kind: 'A'; readonly host: string; readonly ttl: number; readonly address: string; readonly flush: boolean };

/** A question discovery sends (what multicast-dns's query() takes). */
export interface DiscoveryQuestion {
  readonly name: string;
  readonly type: 'PTR' | 'SRV' | 'TXT' | 'A';
}
