import type { MdnsSurvey, SeenService } from '@local-swarm/discovery';
import type { NetworkInterfaceInfo } from 'node:os';
import type { DoctorProbes } from '../doctor/doctor-probes';

/** The key id of this machine's swarm, which the healthy peer below shares. */
export const FAKE_KEY_ID = '0123456789abcdef';

export const NOW = Date.parse('2026-12-07T10:00:00Z');

function v4(address: string, internal = false): NetworkInterfaceInfo {
  return { address, netmask: '255.255.255.0', family: 'IPv4', mac: '02:00:00:00:00:01', internal, cidr: `${address}/24` };
}

/** /proc/net/route of a host with a LAN subnet and a 224.0.0.0/4 route on eth0 (little-endian). */
export const ROUTES_WITH_MULTICAST = [
  'Iface\tDestination\tGateway\tFlags\tRefCnt\tUse\tMetric\tMask\tMTU\tWindow\tIRTT',
  'eth0\t0000000A\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0',
  'eth0\t000000E0\t00000000\t0001\t0\t0\t0\t000000F0\t0\t0\t0',
].join('\n');

/** A node at 10.0.0.7 advertising a valid TXT. */
export const PEER: SeenService = {
  instanceName: 'local-swarm on box',
  port: 17615,
  host: 'box.local',
  addresses: ['10.0.0.7'],
  txt: ['node_id=node-b', 'api_port=17615', 'protocol=2', 'version=0.1.0', `key_id=${FAKE_KEY_ID}`].map((entry) => Buffer.from(entry)),
  sourceAddress: '10.0.0.7',
};

/** A healthy LAN host (eth0 at 10.0.0.2) where the probe comes back and PEER answers; override what a spec breaks. */
export function fakeDoctorProbes(overrides: Partial<DoctorProbes> = {}, survey: Partial<MdnsSurvey> = {}): DoctorProbes {
  return {
    interfaces: () => ({ lo: [v4('127.0.0.1', true)], eth0: [v4('10.0.0.2')] }),
    readFlags: () => ({ up: true, running: true }),
    routes: { platform: 'linux', readProcNetRoute: () => ROUTES_WITH_MULTICAST, readIpRoute: () => null },
    survey: () => Promise.resolve({ probeSeen: true, advertiseError: null, browseError: null, services: [PEER], ...survey }),
    checkHealth: () => Promise.resolve({ reachable: true, status: 200, date: new Date(NOW).toUTCString() }),
    now: () => NOW,
    probeNodeId: () => 'doctor-probe-test',
    ownKeyId: FAKE_KEY_ID,
    blockReasons: [],
    blockList: { isBlocked: () => false, problem: null },
    ...overrides,
  };
}
