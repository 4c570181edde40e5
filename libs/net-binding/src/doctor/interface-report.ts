import type { AddressClass } from '../address/address-class';

/** One address of an interface and its class (private, CGNAT, loopback...). */
export interface InterfaceAddressReport {
  readonly address: string;
  readonly family: 'IPv4' | 'IPv6';
  readonly addressClass: AddressClass;
}

/** One network interface as `doctor` shows it. */
export interface InterfaceReport {
  readonly name: string;
  readonly addresses: readonly InterfaceAddressReport[];
  /** IFF_UP; null when the flags cannot be read (not Linux). */
  readonly up: boolean | null;
  /** Carrier present; null when it cannot be read. */
  readonly running: boolean | null;
}

/** An interface's link flags, or null when unknown (e.g. from `/sys/class/net/<name>/flags`). */
export type InterfaceFlagsReader = (name: string) => { readonly up: boolean; readonly running: boolean | null } | null;
