import { TestNetnsError, TestNetnsErrorCode } from '../errors/test-netns-error';
import type { CreateLanOptions, LanHost, LanPlan } from './lan-plan';

/** Prefix of every namespace this lib makes: `lsn<pid>-<id>-<label>` (the pid tells who made it). */
export const NAMESPACE_PREFIX = 'lsn';
/** Linux interface names hold at most IFNAMSIZ - 1 characters. */
export const MAX_IFACE_NAME_LENGTH = 15;
export const MAX_HOSTS = 254;
const LABEL_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/;
const SUBNET_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const ID_LENGTH = 6;
const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Where randomness and the pid come from; injectable for tests. */
export interface PlanEnvironment {
  /** Uniform in [0, 1), like Math.random. */
  readonly random: () => number;
  readonly pid: number;
}

const defaultEnvironment: PlanEnvironment = { random: Math.random, pid: process.pid };

function invalid(message: string): TestNetnsError {
  return new TestNetnsError(TestNetnsErrorCode.INVALID_OPTIONS, message);
}

function hostLabels(hosts: CreateLanOptions['hosts']): readonly string[] {
  if (typeof hosts === 'number') {
    if (!Number.isInteger(hosts) || hosts < 1 || hosts > MAX_HOSTS) {
      throw invalid(`hosts must be an integer from 1 to ${MAX_HOSTS}, got ${hosts}`);
    }
    return Array.from({ length: hosts }, (_, index) => `h${index}`);
  }
  if (hosts.length < 1 || hosts.length > MAX_HOSTS) {
    throw invalid(`give 1 to ${MAX_HOSTS} host labels, got ${hosts.length}`);
  }
  const seen = new Set<string>();
  for (const label of hosts) {
    if (!LABEL_PATTERN.test(label)) {
      throw invalid(`host label ${JSON.stringify(label)} must be 1-16 letters, digits, '_' or '-'`);
    }
    if (label.toLowerCase() === 'hub') {
      throw invalid('host label "hub" is reserved for the namespace that holds the bridge');
    }
    if (seen.has(label)) {
      throw invalid(`host label ${JSON.stringify(label)} is given twice`);
    }
    seen.add(label);
  }
  return hosts;
}

function checkedSubnet(subnet: string): string {
  const match = SUBNET_PATTERN.exec(subnet);
  const octets = match?.slice(1).map(Number) ?? [];
  if (octets.length !== 3 || octets.some((octet) => octet > 255)) {
    throw invalid(`subnet must be three octets such as "10.77.42", got ${JSON.stringify(subnet)}`);
  }
  return octets.join('.');
}

function randomId(random: () => number): string {
  let id = '';
  for (let i = 0; i < ID_LENGTH; i += 1) {
    id += ID_ALPHABET.charAt(Math.floor(random() * ID_ALPHABET.length) % ID_ALPHABET.length);
  }
  return id;
}

/**
 * Plans a LAN (names, addresses and the `ip` commands) without touching the system.
 *
 * Every veth is created directly inside its namespaces (`ip -n <hub> link add ... peer ... netns
 * <host>`), so nothing is ever added to the machine's own namespace, not even for a moment. Each
 * host gets `lo` up, its address on the /24 and a `224.0.0.0/4` route on its veth: without a
 * default route, multicast sends (mDNS) would fail with ENETUNREACH.
 */
export function planLan(options: CreateLanOptions, environment: PlanEnvironment = defaultEnvironment): LanPlan {
  const labels = hostLabels(options.hosts);
  const subnet =
    options.subnet === undefined
      ? `10.77.${Math.floor(environment.random() * 256) % 256}`
      : checkedSubnet(options.subnet);
  const id = randomId(environment.random);
  const prefix = `${NAMESPACE_PREFIX}${environment.pid}-${id}`;
  const hub = `${prefix}-hub`;
  const bridge = 'br0';

  const hosts: LanHost[] = labels.map((label, index) => ({
    label,
    index,
    name: `${prefix}-${label}`,
    iface: `v-${id}-${index}`,
    hubIface: `h-${id}-${index}`,
    address: `${subnet}.${index + 1}`,
  }));

  const setup: string[][] = [
    ['netns', 'add', hub],
    ...hosts.map((host) => ['netns', 'add', host.name]),
    ['-n', hub, 'link', 'add', bridge, 'type', 'bridge'],
    ['-n', hub, 'link', 'set', bridge, 'up'],
    ['-n', hub, 'link', 'set', 'lo', 'up'],
  ];
  for (const host of hosts) {
    setup.push(
      ['-n', hub, 'link', 'add', host.hubIface, 'type', 'veth', 'peer', 'name', host.iface, 'netns', host.name],
      ['-n', hub, 'link', 'set', host.hubIface, 'master', bridge],
      ['-n', hub, 'link', 'set', host.hubIface, 'up'],
      ['-n', host.name, 'link', 'set', 'lo', 'up'],
      ['-n', host.name, 'addr', 'add', `${host.address}/24`, 'dev', host.iface],
      ['-n', host.name, 'link', 'set', host.iface, 'up'],
      ['-n', host.name, 'route', 'add', '224.0.0.0/4', 'dev', host.iface],
    );
  }

  return {
    id,
    hub,
    bridge,
    subnet,
    prefixLength: 24,
    hosts,
    namespaces: [...hosts.map((host) => host.name), hub],
    setup,
  };
}
