import { networkInterfaces } from 'node:os';
import type { BindChoice, NetworkInterfaceTable } from '../bind/bind-choice';
import { chooseBindAddress } from '../bind/choose-bind-address';
import { describeInterfaces } from './describe-interfaces';
import { doctorCheck, type DoctorCheck } from './doctor-check';
import type { InterfaceFlagsReader, InterfaceReport } from './interface-report';

export interface BindAddressCheckOptions {
  /** `--host`, as the node would get it; null to choose automatically. */
  readonly requestedHost: string | null;
  /** Default: `os.networkInterfaces()`. */
  readonly interfaces?: NetworkInterfaceTable;
  /** Link flags of an interface; null when unknown. */
  readonly readFlags: InterfaceFlagsReader;
}

/** The interfaces and bind checks, and the choice the later checks run on (null when there is none). */
export interface BindAddressReport {
  readonly interfaces: readonly InterfaceReport[];
  readonly checks: readonly DoctorCheck[];
  readonly choice: BindChoice | null;
}

/**
 * Lists the interfaces and says which address the node would bind to (the same choice as the
 * node's, `chooseBindAddress`), and whether peers could reach it there.
 */
export function checkBindAddress(options: BindAddressCheckOptions): BindAddressReport {
  const table = options.interfaces ?? networkInterfaces();
  const interfaces = describeInterfaces(table, options.readFlags);
  const listed = interfaceCheck(interfaces);
  const result = chooseBindAddress({ requestedHost: options.requestedHost, interfaces: table });
  if (!result.ok) {
    const failed = doctorCheck('bind-address', 'fail', result.error.message, {
      hint: 'give --host an address listed above, or leave it out to choose automatically',
    });
    return { interfaces, checks: [listed, failed], choice: null };
  }
  return { interfaces, checks: [listed, bindCheck(result.choice, interfaces)], choice: result.choice };
}

function interfaceCheck(interfaces: readonly InterfaceReport[]): DoctorCheck {
  const details = interfaces.map(describeInterface);
  const usable = interfaces.filter(
    (item) => item.up !== false && item.addresses.some((a) => a.addressClass === 'private' || a.addressClass === 'cgnat'),
  );
  if (usable.length === 0) {
    return doctorCheck('interfaces', 'warn', `${interfaces.length} interfaces, none up with a private or CGNAT IPv4/IPv6 address`, {
      hint: 'join the LAN (Wi-Fi or cable) the other machines are on',
      details,
    });
  }
  return doctorCheck('interfaces', 'ok', `${interfaces.length} interfaces, ${usable.length} up with a LAN address`, { details });
}

function describeInterface(item: InterfaceReport): string {
  const addresses = item.addresses.map((a) => `${a.address} (${a.addressClass.replace('_', '-')})`).join(', ') || 'no address';
  const state = item.up === null ? 'state unknown' : `${item.up ? 'up' : 'down'}${item.running === true ? ', running' : item.running === false ? ', no carrier' : ''}`;
  return `${item.name}: ${addresses}; ${state}`;
}

function bindCheck(choice: BindChoice, interfaces: readonly InterfaceReport[]): DoctorCheck {
  const where = choice.interfaceName === null ? choice.address : `${choice.address} on ${choice.interfaceName}`;
  const details = [choice.reason];
  if (choice.addressClass === 'loopback' || choice.addressClass === 'unspecified' || choice.warning !== null) {
    return doctorCheck('bind-address', 'warn', `would bind ${where}: ${choice.warning ?? choice.reason}`, {
      hint: 'mDNS needs one LAN interface: join the LAN or give --host <LAN address>',
      // The reason is the summary already when there is no warning.
      details: choice.warning === null ? [] : details,
    });
  }
  const link = interfaces.find((item) => item.name === choice.interfaceName);
  if (link !== undefined && (link.up === false || link.running === false)) {
    return doctorCheck('bind-address', 'fail', `would bind ${where}, but ${link.name} is ${link.up === false ? 'down' : 'without carrier'}`, {
      hint: `bring it up (sudo ip link set ${link.name} up) or plug in the cable / join the Wi-Fi`,
      details,
    });
  }
  return doctorCheck('bind-address', 'ok', `would bind ${where} (${choice.addressClass.replace('_', '-')})`, { details });
}
