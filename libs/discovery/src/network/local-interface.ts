import { isIPv4 } from 'node:net';
import type { NetworkInterfaceInfo } from 'node:os';
import { DiscoveryError, DiscoveryErrorCode } from '../errors/discovery-error';

/** What os.networkInterfaces() returns; injectable for tests. */
export type NetworkInterfaceTable = Readonly<Record<string, readonly NetworkInterfaceInfo[] | undefined>>;

/** An IPv4 subnet of the bound interface, as numbers. */
export interface Ipv4Subnet {
  readonly network: number;
  readonly mask: number;
}

/** The bound interface as discovery uses it. */
export interface BoundInterface {
  readonly name: string;
  readonly address: string;
  /** Every IPv4 subnet on the interface (a peer address in one of them is preferred). */
  readonly subnets: readonly Ipv4Subnet[];
}

/** 10.1.2.3 → 0x0a010203; undefined for anything else. */
export function ipv4ToNumber(address: string): number | undefined {
  if (!isIPv4(address)) return undefined;
  return address.split('.').reduce((value, octet) => value * 256 + Number(octet), 0) >>> 0;
}

export function subnetOf(address: string, netmask: string): Ipv4Subnet | undefined {
  const ip = ipv4ToNumber(address);
  const mask = ipv4ToNumber(netmask);
  if (ip === undefined || mask === undefined) return undefined;
  return { network: (ip & mask) >>> 0, mask };
}

export function inSubnet(address: string, subnet: Ipv4Subnet): boolean {
  const ip = ipv4ToNumber(address);
  return ip !== undefined && ((ip & subnet.mask) >>> 0) === subnet.network;
}

/**
 * Finds the interface discovery binds to and checks it holds the address. Throws
 * DISCOVERY_ERR_INTERFACE_NOT_FOUND / DISCOVERY_ERR_ADDRESS_NOT_ON_INTERFACE: given a name it
 * cannot match, ciao would silently fall back to every interface, which must never happen.
 */
export function resolveBoundInterface(interfaceName: string, address: string, table: NetworkInterfaceTable): BoundInterface {
  const infos = table[interfaceName];
  if (infos === undefined || infos.length === 0) {
    const known = Object.keys(table).join(', ') || 'none';
    throw new DiscoveryError(
      DiscoveryErrorCode.INTERFACE_NOT_FOUND,
      `interface ${JSON.stringify(interfaceName)} does not exist (interfaces: ${known})`,
    );
  }
  const ipv4 = infos.filter((info) => info.family === 'IPv4');
  if (!ipv4.some((info) => info.address === address)) {
    const held = ipv4.map((info) => info.address).join(', ') || 'no IPv4 address';
    throw new DiscoveryError(
      DiscoveryErrorCode.ADDRESS_NOT_ON_INTERFACE,
      `address ${address} is not on interface ${interfaceName} (it holds ${held})`,
    );
  }
  const subnets = ipv4
    .map((info) => subnetOf(info.address, info.netmask))
    .filter((subnet): subnet is Ipv4Subnet => subnet !== undefined);
  return { name: interfaceName, address, subnets };
}
