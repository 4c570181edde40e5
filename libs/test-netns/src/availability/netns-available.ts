import { spawnSync } from 'node:child_process';

/** What netnsUnavailableReason() looks at; injectable so the decision is unit-testable. */
export interface NetnsProbe {
  /** Effective user id, or undefined where the platform has none (Windows). */
  readonly uid: () => number | undefined;
  /** Whether `ip <args>` runs and exits 0. */
  readonly ipRuns: (args: readonly string[]) => boolean;
  readonly platform: NodeJS.Platform;
}

/** The real probe: process.geteuid() and spawnSync('ip', ...). Side-effect free (reads only). */
export const systemNetnsProbe: NetnsProbe = {
  uid: () => (typeof process.geteuid === 'function' ? process.geteuid() : undefined),
  ipRuns: (args) => {
    const result = spawnSync('ip', [...args], { stdio: 'ignore', timeout: 5_000 });
    return result.error === undefined && result.status === 0;
  },
  platform: process.platform,
};

/**
 * Why network namespaces cannot be used here, or null when they can: Linux, root (creating a
 * namespace needs CAP_SYS_ADMIN) and iproute2's `ip` with netns support (`ip netns list` runs).
 */
export function netnsUnavailableReason(probe: NetnsProbe = systemNetnsProbe): string | null {
  if (probe.platform !== 'linux') {
    return `network namespaces need Linux (this is ${probe.platform})`;
  }
  if (probe.uid() !== 0) {
    return 'network namespaces need root: run this suite as root (e.g. sudo, or in a root container)';
  }
  if (!probe.ipRuns(['-V'])) {
    return 'iproute2 is missing: `ip` does not run (Debian/Ubuntu: apt-get install iproute2)';
  }
  if (!probe.ipRuns(['netns', 'list'])) {
    return '`ip netns list` fails: this kernel or container does not allow network namespaces';
  }
  return null;
}

/** True when createLan() can work here (see netnsUnavailableReason() for why not). */
export function netnsAvailable(probe: NetnsProbe = systemNetnsProbe): boolean {
  return netnsUnavailableReason(probe) === null;
}
