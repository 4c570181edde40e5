import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { isIP } from 'node:net';
import { classifyAddress } from '../address/classify-address';
import type { AddressClass } from '../address/address-class';
import { addressNotLocalError, invalidAddressError } from '../errors/net-binding-error';
import type { BindChoice, BindResult, NetworkInterfaceTable } from './bind-choice';
import { findInterfaceAddress, interfaceNameForAddress } from './interface-name-for-address';

export interface ChooseBindAddressOptions {
  /**
   * The host the user asked for (`--host`). Default: none, choose automatically. Honoured when it
   * is loopback or an address of one of this machine's interfaces; `0.0.0.0`/`::` only when given
   * explicitly, with a warning.
   */
  readonly requestedHost?: string | null;
  /** Interface table. Default: `os.networkInterfaces()`; tests pass a fake one. */
  readonly interfaces?: NetworkInterfaceTable;
}

/**
 * Names of container, VM and bridge interfaces. Their private addresses (docker0's 172.17.0.1) are
 * reachable only from guests on this machine, so a LAN or tailnet address is preferred over them.
 * Preferred less, not excluded: on a host where they are all there is, they still beat loopback.
 */
const VIRTUAL_INTERFACE = /^(docker|br-|veth|virbr|vboxnet|vmnet|cni|flannel|podman|lxcbr|lxdbr|bridge)/;

const LOOPBACK_V4 = '127.0.0.1';

/**
 * Chooses the address the API listens on. Never 0.0.0.0 unless asked for: Local Swarm serves the
 * local network, not the internet (no internet exposure by default).
 *
 * Without a requested host: the first private (RFC 1918) IPv4 address of an up, non-internal
 * interface; else the first CGNAT one (100.64.0.0/10, e.g. Tailscale); else 127.0.0.1. Private
 * comes first because mDNS discovery works on the LAN, not across a tailnet. Interface order is
 * `os.networkInterfaces()` order, with container/VM bridges last.
 *
 * Expected failures (a host that is not an IP, or not on this machine) are returned, not thrown.
 */
export function chooseBindAddress(options: ChooseBindAddressOptions = {}): BindResult {
  const interfaces = options.interfaces ?? networkInterfaces();
  const requested = options.requestedHost;
  if (requested === undefined || requested === null) return { ok: true, choice: chooseAutomatically(interfaces) };
  return honourRequestedHost(requested.trim(), interfaces);
}

function chooseAutomatically(interfaces: NetworkInterfaceTable): BindChoice {
  const candidates = upIpv4Addresses(interfaces)
    .map((candidate) => ({ ...candidate, addressClass: classifyAddress(candidate.info.address) }))
    .filter((candidate) => candidate.addressClass === 'private' || candidate.addressClass === 'cgnat');
  const rank = (c: { name: string; addressClass: AddressClass }): number =>
    (VIRTUAL_INTERFACE.test(c.name) ? 2 : 0) + (c.addressClass === 'private' ? 0 : 1);
  // Array.prototype.sort is stable (ES2019), so interface order breaks ties.
  const best = [...candidates].sort((a, b) => rank(a) - rank(b))[0];
  if (best !== undefined) {
    const kind = best.addressClass === 'private' ? 'private (RFC 1918)' : 'CGNAT (100.64.0.0/10, e.g. Tailscale)';
    const skipped = candidates.filter((c) => c !== best).map((c) => `${c.info.address} on ${c.name}`);
    const others = skipped.length > 0 ? `; also seen: ${skipped.join(', ')}` : '';
    return {
      address: best.info.address,
      addressClass: best.addressClass,
      interfaceName: best.name,
      reason: `first ${kind} IPv4 address of an up interface: ${best.info.address} on ${best.name}${others}`,
      warning: null,
    };
  }
  return {
    address: LOOPBACK_V4,
    addressClass: 'loopback',
    interfaceName: interfaceNameForAddress(LOOPBACK_V4, interfaces),
    reason: 'no private or CGNAT IPv4 address on any up interface, so loopback: the API is not exposed',
    warning: 'listening on 127.0.0.1 only: peers and other machines on the network cannot reach this node',
  };
}

function honourRequestedHost(host: string, interfaces: NetworkInterfaceTable): BindResult {
  const addressClass = classifyAddress(host);
  if (addressClass === 'invalid') return { ok: false, error: invalidAddressError(host) };

  if (addressClass === 'unspecified') {
    return {
      ok: true,
      choice: {
        address: host,
        addressClass,
        interfaceName: null,
        reason: `requested host ${host} (all interfaces)`,
        warning:
          `LISTENING ON ALL INTERFACES (${host}): any network this machine joins, including public ones, ` +
          'can reach the port; only private, CGNAT and loopback clients are answered, the rest get 403',
      },
    };
  }

  const local = findInterfaceAddress(host, interfaces);
  if (addressClass === 'loopback') {
    // 127.0.0.2 and friends are bindable on Linux without appearing in the table.
    return {
      ok: true,
      choice: {
        address: local?.info.address ?? host,
        addressClass,
        interfaceName: local?.name ?? null,
        reason: `requested host ${host} (loopback): reachable from this machine only`,
        warning: null,
      },
    };
  }

  if (local === null) {
    return { ok: false, error: addressNotLocalError(host, localAddresses(interfaces)) };
  }

  return { ok: true, choice: requestedLocalChoice(host, addressClass, local.name, local.info) };
}

function requestedLocalChoice(
  host: string,
  addressClass: AddressClass,
  name: string,
  info: NetworkInterfaceInfo,
): BindChoice {
  // An IPv6 link-local address is ambiguous without its zone: listen() needs `fe80::1%eth0`.
  const address = addressClass === 'link_local' && info.family === 'IPv6' ? `${info.address}%${name}` : info.address;
  const exposed = addressClass !== 'private' && addressClass !== 'cgnat' && addressClass !== 'link_local';
  return {
    address,
    addressClass,
    interfaceName: name,
    reason: `requested host ${host} (${addressClass.replace('_', '-')}) on ${name}`,
    warning: exposed
      ? `${info.address} is a ${addressClass.replace('_', '-')} address, not a private one: the port may be ` +
        'reachable from outside the local network (clients outside private, CGNAT and loopback ranges get 403)'
      : null,
  };
}

function upIpv4Addresses(interfaces: NetworkInterfaceTable): { name: string; info: NetworkInterfaceInfo }[] {
  // os.networkInterfaces() lists only interfaces that have addresses assigned, i.e. are configured;
  // `internal` marks loopback.
  return Object.entries(interfaces).flatMap(([name, infos]) =>
    (infos ?? [])
      .filter((info) => !info.internal && info.family === 'IPv4' && isIP(info.address) === 4)
      .map((info) => ({ name, info })),
  );
}

function localAddresses(interfaces: NetworkInterfaceTable): string[] {
  return Object.values(interfaces).flatMap((infos) => (infos ?? []).map((info) => info.address));
}
