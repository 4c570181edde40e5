import { runMdnsChecks } from '@local-swarm/discovery';
import { FEDERATION_PROTOCOL_VERSION, SEAL_PROTOCOL_VERSION } from '@local-swarm/federation-protocol';
import { checkBindAddress, checkMulticastRoute, doctorCheck, type BindChoice, type DoctorCheck } from '@local-swarm/net-binding';
import { isIPv4 } from 'node:net';
import { hostname } from 'node:os';
import type { DoctorOptions } from './doctor-options';
import type { DoctorProbes } from './doctor-probes';
import type { DoctorReport } from './doctor-report';

/** Health calls are short: a peer that takes longer would be marked down by the node anyway. */
const HEALTH_TIMEOUT_MS = 1500;

/** Runs every check in order: interfaces and bind address, multicast route, then mDNS and peers. */
export async function collectDoctorReport(options: DoctorOptions, probes: DoctorProbes): Promise<DoctorReport> {
  const bind = checkBindAddress({ requestedHost: options.host, interfaces: probes.interfaces(), readFlags: probes.readFlags });
  const choice = bind.choice;
  const interfaceName = choice?.interfaceName ?? null;
  const base = { interfaceName, address: choice?.address ?? null, interfaces: bind.interfaces };
  if (choice === null || interfaceName === null || !surveyable(choice)) {
    const mdns = doctorCheck('mdns', 'fail', 'multicast route and mDNS not checked: the node would not be on a LAN interface', {
      hint: 'join the LAN the other machines are on, or give --host <LAN IPv4 address>',
    });
    return { ...base, checks: [...bind.checks, mdns, ...blockListChecks(probes)] };
  }
  const checks = [...bind.checks, checkMulticastRoute(interfaceName, probes.routes)];
  const survey = await probes.survey({
    interfaceName,
    address: choice.address,
    timeoutMs: options.timeoutMs,
    probe: {
      name: `local-swarm doctor on ${hostname()}`,
      nodeId: probes.probeNodeId(),
      version: 'doctor',
      instances: 1,
      modelId: 'none',
      hardwareSummary: 'doctor probe',
      apiPort: options.port,
      protocol: SEAL_PROTOCOL_VERSION,
    },
  });
  const mdnsChecks = await runMdnsChecks(
    survey,
    { interfaceName, timeoutMs: options.timeoutMs },
    {
      // A federated node is paired (sealed protocol) unless started with --federation-open.
      ownProtocol: SEAL_PROTOCOL_VERSION,
      openProtocol: FEDERATION_PROTOCOL_VERSION,
      ownKeyId: probes.ownKeyId,
      blockReasons: probes.blockReasons,
      isBlocked: probes.blockList.isBlocked,
      checkHealth: probes.checkHealth,
      healthTimeoutMs: HEALTH_TIMEOUT_MS,
      now: probes.now,
    },
  );
  return { ...base, checks: [...checks, ...mdnsChecks, ...blockListChecks(probes)] };
}

/** A block list the node cannot read stops its start: said here, before the user finds out. */
function blockListChecks(probes: DoctorProbes): DoctorCheck[] {
  const { problem } = probes.blockList;
  if (problem === null) return [];
  return [doctorCheck('block-list', 'fail', `the node would not start: ${problem}`, { hint: 'fix the file, or remove it to block nobody' })];
}

/** mDNS runs on an IPv4 address of a LAN interface, as the node's discovery does. */
function surveyable(choice: BindChoice): boolean {
  return isIPv4(choice.address) && choice.addressClass !== 'loopback' && choice.addressClass !== 'unspecified';
}
