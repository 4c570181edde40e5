import { networkInterfaces } from 'node:os';
import type { NetworkInterfaceTable } from '../bind/bind-choice';
import { interfaceNameForAddress } from '../bind/interface-name-for-address';
import { classifyAddress } from './classify-address';
import { TRUSTED_CLIENT_CLASSES } from './is-trusted-client-address';

/** Interfaces of VPN tunnels that hand out CGNAT addresses: Tailscale, WireGuard, macOS utun. */
export const TUNNEL_INTERFACE_PREFIXES: readonly string[] = ['tailscale', 'wg', 'utun'];

export function isTunnelInterface(name: string): boolean {
  return TUNNEL_INTERFACE_PREFIXES.some((prefix) => name.startsWith(prefix));
}

/** One accepted connection, as the server sees it. */
export interface ClientConnection {
  /** The client's address. */
  readonly remoteAddress: string;
  /** This machine's address the connection arrived on; null when unknown. */
  readonly localAddress: string | null;
}

export interface TrustedClientOptions {
  /** The address the user told the node to listen on (`--host`); null when chosen automatically. */
  readonly requestedHost: string | null;
  /** This machine's interfaces, read only for CGNAT clients; default `os.networkInterfaces`. */
  readonly interfaces?: () => NetworkInterfaceTable;
}

/**
 * Whether a client may use the node: loopback, private and link-local clients always; a CGNAT
 * client (100.64.0.0/10) only over a tunnel interface or when `--host` itself is a CGNAT address.
 * Tailscale hands out CGNAT addresses, but so do some ISPs and mobile carriers on an ordinary
 * uplink, where 100.64/10 holds strangers, not the user's own machines.
 */
export function isTrustedClient(connection: ClientConnection, options: TrustedClientOptions): boolean {
  const addressClass = classifyAddress(connection.remoteAddress);
  if (addressClass !== 'cgnat') return TRUSTED_CLIENT_CLASSES.has(addressClass);
  if (options.requestedHost !== null && classifyAddress(options.requestedHost) === 'cgnat') return true;
  if (connection.localAddress === null) return false;
  const name = interfaceNameForAddress(connection.localAddress, (options.interfaces ?? networkInterfaces)());
  return name !== null && isTunnelInterface(name);
}
