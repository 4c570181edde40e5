import { classifyAddress } from '../address/classify-address';
import type { NetworkInterfaceTable } from '../bind/bind-choice';
import type { InterfaceFlagsReader, InterfaceReport } from './interface-report';

/** Linux `IFF_UP` and `IFF_RUNNING` (include/uapi/linux/if.h). */
const IFF_UP = 0x1;
const IFF_RUNNING = 0x40;

/** Each interface of the table with its addresses classified and its link flags. */
export function describeInterfaces(table: NetworkInterfaceTable, readFlags: InterfaceFlagsReader): InterfaceReport[] {
  return Object.entries(table).map(([name, infos]) => {
    const flags = readFlags(name);
    return {
      name,
      addresses: (infos ?? []).map((info) => ({
        address: info.address,
        family: info.family,
        addressClass: classifyAddress(info.address),
      })),
      up: flags?.up ?? null,
      running: flags?.running ?? null,
    };
  });
}

/** Reads the text of `/sys/class/net/<name>/flags` (e.g. `0x1003`); null when it is not a hex number. */
export function parseInterfaceFlags(text: string | null): { readonly up: boolean; readonly running: boolean } | null {
  const trimmed = text?.trim() ?? '';
  if (!/^0x[0-9a-f]+$/i.test(trimmed)) return null;
  const flags = Number.parseInt(trimmed.slice(2), 16);
  return { up: (flags & IFF_UP) !== 0, running: (flags & IFF_RUNNING) !== 0 };
}
