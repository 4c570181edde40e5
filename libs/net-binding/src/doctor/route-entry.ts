/** One IPv4 route, as read from `/proc/net/route` or `ip route`: destination/mask on an interface. */
export interface RouteEntry {
  readonly interfaceName: string;
  /** Destination network as a 32-bit unsigned number. */
  readonly destination: number;
  /** Netmask as a 32-bit unsigned number (0 for a default route). */
  readonly mask: number;
}

/** 224.0.0.0/4, where every mDNS packet (224.0.0.251) goes. */
export const MULTICAST_NETWORK = 0xe0000000;
export const MULTICAST_MASK = 0xf0000000;

/** Whether the route sends 224.0.0.251 out of its interface: its network contains all of 224.0.0.0/4. */
export function carriesMulticast(route: RouteEntry): boolean {
  // Only a route at least as wide as /4 covers the whole multicast block (a default route is /0).
  const coversBlock = (route.mask & MULTICAST_MASK) >>> 0 === route.mask;
  return coversBlock && (MULTICAST_NETWORK & route.mask) >>> 0 === (route.destination & route.mask) >>> 0;
}
