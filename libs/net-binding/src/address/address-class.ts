/**
 * What kind of address an IP is, as far as exposure goes.
 *
 * - `loopback`: 127.0.0.0/8, ::1 (RFC 1122, RFC 4291)
 * - `private`: 10/8, 172.16/12, 192.168/16 (RFC 1918) and IPv6 unique local fc00::/7 (RFC 4193)
 * - `cgnat`: 100.64.0.0/10 shared address space (RFC 6598); Tailscale hands these out
 * - `link_local`: 169.254/16 (RFC 3927), fe80::/10 (RFC 4291)
 * - `unspecified`: 0.0.0.0 and :: ("any address" when binding)
 * - `documentation`: 192.0.2/24, 198.51.100/24, 203.0.113/24 (RFC 5737), 2001:db8::/32 (RFC 3849),
 *   3fff::/20 (RFC 9637)
 * - `multicast`: 224.0.0.0/4, ff00::/8
 * - `reserved`: other special-purpose ranges that are neither private nor reachable on the
 *   internet (IANA special-purpose registries, RFC 6890): 0.0.0.0/8 beyond 0.0.0.0, 192.0.0.0/24,
 *   198.18.0.0/15 (benchmarking), 240.0.0.0/4 and 255.255.255.255; IPv6 100::/64 (discard-only),
 *   2001:2::/48 (benchmarking)
 * - `public`: anything else that parses
 * - `invalid`: not an IP address literal
 */
export type AddressClass =
  | 'loopback'
  | 'private'
  | 'cgnat'
  | 'link_local'
  | 'unspecified'
  | 'documentation'
  | 'multicast'
  | 'reserved'
  | 'public'
  | 'invalid';
