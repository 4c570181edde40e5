import type { AddressClass } from './address-class';
import { classifyAddress } from './classify-address';

/**
 * Classes of client address the node's API answers. Everything else (public, documentation,
 * reserved, multicast, unspecified, invalid) gets 403: Local Swarm federates on the local network
 * only, never across the internet (internet-facing use is out of scope).
 */
export const TRUSTED_CLIENT_CLASSES: ReadonlySet<AddressClass> = new Set<AddressClass>([
  'loopback',
  'private',
  'cgnat',
  'link_local',
]);

/** True when a request from `ip` may be served: loopback, private (RFC 1918/ULA), CGNAT or link-local. */
export function isTrustedClientAddress(ip: string): boolean {
  return TRUSTED_CLIENT_CLASSES.has(classifyAddress(ip));
}
