import type { NetworkInterfaceInfo } from 'node:os';
import type { AddressClass } from '../address/address-class';
import type { NetBindingError } from '../errors/net-binding-error';

/** Where to listen, and why: the app logs `reason`, and `warning` (when set) at warn level. */
export interface BindChoice {
  /** Address to pass to `listen()`. IPv6 link-local addresses carry their zone (`fe80::1%eth0`). */
  readonly address: string;
  readonly addressClass: AddressClass;
  /** Interface holding the address (discovery binds mDNS to it); null for 0.0.0.0/:: or when unknown. */
  readonly interfaceName: string | null;
  /** One sentence saying why this address was chosen. */
  readonly reason: string;
  /** Set when the choice exposes the node more than a private address would, or hides it from peers. */
  readonly warning: string | null;
}

export type BindResult =
  | { readonly ok: true; readonly choice: BindChoice }
  | { readonly ok: false; readonly error: NetBindingError };

/** A table shaped like `os.networkInterfaces()`. */
export type NetworkInterfaceTable = NodeJS.Dict<NetworkInterfaceInfo[]>;
