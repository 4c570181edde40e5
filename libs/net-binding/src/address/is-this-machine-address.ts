import { networkInterfaces } from 'node:os';
import type { NetworkInterfaceTable } from '../bind/bind-choice';
import { classifyAddress } from './classify-address';
import { sameAddress } from './same-address';

/**
 * True when a TCP peer at `ip` is a program on this machine: a loopback address, or one of this
 * machine's own interface addresses (a node bound to its LAN address is reached from this
 * machine through that address, never through 127.0.0.1). A remote host cannot hold such a
 * connection: the kernel drops packets arriving from outside with a local source address
 * (`accept_local` is off by default), and a TCP handshake needs the reply, which stays here.
 */
export function isThisMachineAddress(ip: string, interfaces: NetworkInterfaceTable = networkInterfaces()): boolean {
  if (classifyAddress(ip) === 'loopback') return true;
  return Object.values(interfaces).some((addresses) => (addresses ?? []).some((entry) => sameAddress(entry.address, ip)));
}
