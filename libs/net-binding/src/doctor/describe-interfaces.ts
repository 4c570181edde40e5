import { classifyAddress } from '../address/classify-address';
import type { NetworkInterfaceTable } from '../bind/bind-choice';
import type { InterfaceFlagsReader, InterfaceReport } from './interface-report';

/** Linux `IFF_UP` (include/uapi/linux/if.h). */
const IFF_UP = 0x1;

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

/**
 * An interface's link state from two files of `/sys/class/net/<name>/`: `flags` (e.g. `0x1003`;
 * IFF_UP) and `carrier` (`1` or `0`; unreadable while the link is down). sysfs `flags` never holds
 * IFF_RUNNING (the kernel adds it only for ioctl callers), so the carrier comes from its own file.
 * Null when `flags` is not a hex number; `running` null when the carrier is unknown.
 */
export function parseInterfaceFlags(
  flagsText: string | null,
  carrierText: string | null = null,
): { readonly up: boolean; readonly running: boolean | null } | null {
  const trimmed = flagsText?.trim() ?? '';
  if (!/^0x[0-9a-f]+$/i.test(trimmed)) return null;
  const up = (Number.parseInt(trimmed.slice(2), 16) & IFF_UP) !== 0;
  const carrier = carrierText?.trim();
  return { up, running: carrier === '1' ? true : carrier === '0' ? false : null };
}
