/** Options of createLan(). */
export interface CreateLanOptions {
  /**
   * The hosts: a count (labels `h0`, `h1`, ...) or their labels (letters, digits, `_`, `-`;
   * 1-16 characters; unique; not `hub`). 1 to 254 hosts.
   */
  readonly hosts: number | readonly string[];
  /**
   * First three octets of the LAN's /24, e.g. `'10.77.42'`. Default: `10.77.<random 0-255>`, so
   * parallel runs rarely share one (they could: namespaces isolate them anyway).
   */
  readonly subnet?: string;
}

/** One host of the LAN as planned (and, once created, as it exists). */
export interface LanHost {
  /** The label given in options (or `h<index>`). */
  readonly label: string;
  /** Position in the LAN (0-based); its address ends in index + 1. */
  readonly index: number;
  /** Network namespace name: `ip netns exec <name> ...`. */
  readonly name: string;
  /** The host's interface on the LAN (inside its namespace), e.g. `v-k3x9q2-0` (at most 15 characters). */
  readonly iface: string;
  /** The other end of the veth pair, a port of the hub's bridge (inside the hub namespace). */
  readonly hubIface: string;
  /** The host's IPv4 address on the LAN, e.g. `10.77.42.1` (prefix length 24). */
  readonly address: string;
}

/** Everything createLan() will make, and the `ip` commands that make it (pure data). */
export interface LanPlan {
  /** Short random id shared by every name of this LAN. */
  readonly id: string;
  /** Namespace holding the bridge. */
  readonly hub: string;
  /** The bridge's name inside the hub namespace. */
  readonly bridge: string;
  /** First three octets, e.g. `10.77.42`. */
  readonly subnet: string;
  readonly prefixLength: 24;
  readonly hosts: readonly LanHost[];
  /** Every namespace of this LAN, hub last. */
  readonly namespaces: readonly string[];
  /** `ip` argument vectors, run in order, that build the LAN. */
  readonly setup: readonly (readonly string[])[];
}
