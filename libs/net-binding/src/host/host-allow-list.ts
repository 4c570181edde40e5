import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { classifyAddress } from '../address/classify-address';
import { sameAddress } from '../address/same-address';
import { findInterfaceAddress } from '../bind/interface-name-for-address';
import type { NetworkInterfaceTable } from '../bind/bind-choice';
import { normalizeHostName } from './normalize-host-name';
import { parseHostHeader } from './parse-host-header';

export interface HostAllowListOptions {
  /** More names or IP literals the node answers to (a DNS name of the LAN, a forwarded address). */
  readonly allowedHosts?: readonly string[];
  /** This machine's name; default `os.hostname()`. */
  readonly machineHostname?: string;
  /** This machine's interfaces, read when a Host is an IP literal; default `os.networkInterfaces`. */
  readonly interfaces?: () => NetworkInterfaceTable;
}

/** Names that can only mean this machine: browsers and mDNS resolve them locally, never via public DNS. */
const LOCAL_SUFFIXES = ['.localhost', '.local'] as const;

/**
 * Which Host headers the node answers. A web page can point a name it owns at a LAN address (DNS
 * rebinding) and then read the node as "its own origin"; the Host header still carries the page's
 * name, so refusing unknown names closes that door. Allowed: loopback and this machine's IP
 * literals, the address the connection arrived on, `localhost`, `*.localhost`, `*.local`, the
 * machine's hostname, and `allowedHosts`. Case-insensitive; the port is ignored.
 */
export class HostAllowList {
  readonly #names: ReadonlySet<string>;
  readonly #addresses: readonly string[];
  readonly #interfaces: () => NetworkInterfaceTable;

  constructor(options: HostAllowListOptions = {}) {
    const machine = normalizeHostName(options.machineHostname ?? hostname());
    const extra = (options.allowedHosts ?? []).map(normalizeHostName).filter((host) => host !== null);
    const machineNames = machine === null ? [] : [machine, `${machine}.local`];
    this.#names = new Set(['localhost', ...machineNames, ...extra.filter((host) => isIP(host) === 0)]);
    this.#addresses = extra.filter((host) => isIP(host) !== 0);
    this.#interfaces = options.interfaces ?? networkInterfaces;
  }

  /** True when a request with this Host header, arriving on `localAddress`, may be served. */
  allows(hostHeader: string | undefined, localAddress: string | null = null): boolean {
    const host = parseHostHeader(hostHeader);
    if (host === null) return false;
    return isIP(host) === 0 ? this.#allowsName(host) : this.#allowsAddress(host, localAddress);
  }

  #allowsName(name: string): boolean {
    return this.#names.has(name) || LOCAL_SUFFIXES.some((suffix) => name.endsWith(suffix));
  }

  #allowsAddress(address: string, localAddress: string | null): boolean {
    if (classifyAddress(address) === 'loopback') return true;
    if (localAddress !== null && sameAddress(address, localAddress)) return true;
    if (this.#addresses.some((allowed) => sameAddress(allowed, address))) return true;
    return findInterfaceAddress(address, this.#interfaces()) !== null;
  }
}
