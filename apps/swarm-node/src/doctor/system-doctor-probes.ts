import { runMdnsSurvey } from '@local-swarm/discovery';
import { parseInterfaceFlags } from '@local-swarm/net-binding';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { endianness, networkInterfaces } from 'node:os';
import type { DoctorOptions } from './doctor-options';
import type { DoctorProbes } from './doctor-probes';
import { ownBlockList } from '../pairing/own-block-list';
import { ownSwarmKeyId } from '../pairing/own-swarm-key-id';
import { peerHealthProbe } from './peer-health-probe';

/** The real machine: os, /proc and /sys, `ip route`, mDNS on the chosen interface, HTTP to seen services. */
export function systemDoctorProbes(options: Pick<DoctorOptions, 'configDir' | 'swarmKeyFile'>): DoctorProbes {
  return {
    interfaces: networkInterfaces,
    // A name from os.networkInterfaces() never holds '/', so it cannot leave /sys/class/net.
    readFlags: (name) =>
      name.includes('/') ? null : parseInterfaceFlags(readText(`/sys/class/net/${name}/flags`), readText(`/sys/class/net/${name}/carrier`)),
    routes: {
      platform: process.platform,
      readProcNetRoute: () => readText('/proc/net/route'),
      readIpRoute: () => runText('ip', ['-4', 'route', 'show', 'table', 'all']),
      endianness: endianness(),
    },
    survey: (options) => runMdnsSurvey(options),
    checkHealth: peerHealthProbe,
    now: Date.now,
    probeNodeId: () => `doctor-probe-${randomBytes(6).toString('hex')}`,
    ownKeyId: ownSwarmKeyId(options),
    blockReasons: [],
    blockList: ownBlockList(options.configDir),
  };
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function runText(command: string, args: readonly string[]): string | null {
  try {
    return execFileSync(command, args, { encoding: 'utf8', timeout: 2000, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}
