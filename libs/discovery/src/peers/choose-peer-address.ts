import { inSubnet, type Ipv4Subnet } from '../network/local-interface';

const LOOPBACK_OR_LINK_LOCAL = /^(127\.|169\.254\.)/;

/**
 * The address to call a peer on: the first of its IPv4 addresses inside one of our bound
 * interface's subnets (reachable without a router, and on the network we chose to serve), else its
 * first routable one, else its first. Undefined when it has none.
 */
export function choosePeerAddress(addresses: readonly string[], subnets: readonly Ipv4Subnet[]): string | undefined {
  return (
    addresses.find((address) => subnets.some((subnet) => inSubnet(address, subnet))) ??
    addresses.find((address) => !LOOPBACK_OR_LINK_LOCAL.test(address)) ??
    addresses[0]
  );
}
