import { BlockList, isIP } from 'node:net';
import { classifyAddress, type AddressClass } from '@local-swarm/net-binding';

/** Which addresses a peer connection may reach, besides the local-network classes always allowed. */
export interface PeerAddressPolicy {
  /**
   * Loopback (127.0.0.0/8, ::1): other nodes on this very machine, and tests. Off by default: a
   * peer address given by somebody else must not reach services that listen only on this machine.
   */
  readonly allowLoopback: boolean;
}

/** Federation stays on the local network: RFC 1918 and ULA (`private`), CGNAT, link-local. */
const PEER_ADDRESS_CLASSES: ReadonlySet<AddressClass> = new Set<AddressClass>(['private', 'cgnat', 'link_local']);

/**
 * Cloud metadata services (AWS, GCP, Azure, Oracle: 169.254.169.254; AWS ECS task credentials:
 * 169.254.170.2; AWS over IPv6: fd00:ec2::254; Alibaba: 100.100.100.200). They sit in link-local,
 * CGNAT or ULA space, yet answer with the machine's credentials: never a peer.
 */
export const CLOUD_METADATA_ADDRESSES: readonly string[] = ['169.254.169.254', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200'];

const CLOUD_METADATA = new BlockList();
for (const address of CLOUD_METADATA_ADDRESSES) CLOUD_METADATA.addAddress(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');

/**
 * Why a connection to the IP literal `ip` is refused, or null when it may go ahead. IPv4-mapped
 * IPv6 addresses (`::ffff:169.254.169.254`) are judged as the IPv4 address inside.
 */
export function peerAddressRefusal(ip: string, policy: PeerAddressPolicy): string | null {
  const addressClass = classifyAddress(ip);
  if (addressClass === 'invalid') return `${JSON.stringify(ip)} is not an IP address`;
  if (isCloudMetadataAddress(ip)) return `${ip} is a cloud metadata endpoint, never a peer`;
  if (PEER_ADDRESS_CLASSES.has(addressClass)) return null;
  if (addressClass === 'loopback') return policy.allowLoopback ? null : `${ip} is a loopback address and loopback peers are not allowed`;
  return `${ip} is a ${addressClass.replace('_', '-')} address; peers must be on the local network (private, CGNAT, unique local or link-local)`;
}

function isCloudMetadataAddress(ip: string): boolean {
  const zone = ip.indexOf('%');
  const address = zone === -1 ? ip : ip.slice(0, zone);
  // BlockList matches its IPv4 entries against IPv4-mapped IPv6 addresses too.
  return CLOUD_METADATA.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}
