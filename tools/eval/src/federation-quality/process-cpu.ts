import { readFileSync } from 'node:fs';

/**
 * Linux's USER_HZ: /proc/<pid>/stat counts CPU time in these ticks. It is 100 on every mainstream
 * architecture (the kernel ABI fixes it, whatever CONFIG_HZ is).
 */
const TICKS_PER_SECOND = 100;

/**
 * User + system CPU seconds of a process, from the text of /proc/<pid>/stat (fields 14 and 15,
 * proc(5)). The command name (field 2) may hold spaces and parentheses, so fields are counted
 * after its last ')'. Null for text of another shape.
 */
export function cpuSecondsFromStat(stat: string): number | null {
  const close = stat.lastIndexOf(')');
  if (close < 0) return null;
  // After ")": field 3 (state) is index 0, so field n is index n - 3.
  const fields = stat.slice(close + 1).trim().split(/\s+/);
  const user = Number(fields[14 - 3]);
  const system = Number(fields[15 - 3]);
  if (!Number.isFinite(user) || !Number.isFinite(system)) return null;
  return (user + system) / TICKS_PER_SECOND;
}

/**
 * CPU seconds a process has used so far, or null when it is gone. Nodes live in their own network
 * namespaces but share the machine's pid namespace, so their /proc entries are readable here.
 */
export function processCpuSeconds(pid: number): number | null {
  try {
    return cpuSecondsFromStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}
