import { readFileSync } from 'node:fs';

/**
 * Resident memory of one process, in KiB, from /proc/<pid>/smaps_rollup (exact sums over every
 * mapping) and /proc/<pid>/status (VmRSS and the peak VmHWM; the kernel's per-type counters there
 * may lag slightly, so the anonymous / file-backed split is taken from smaps_rollup).
 */
export interface ProcMemory {
  /** VmRSS from status. */
  readonly vmRssKiB: number;
  /** VmHWM from status: the highest RSS so far. */
  readonly vmHwmKiB: number;
  /** Rss from smaps_rollup. */
  readonly rssKiB: number;
  /** Anonymous memory: heaps, KV caches, compute buffers. */
  readonly anonymousKiB: number;
  /** File-backed resident pages (mmap'd model weights, code): Rss - Anonymous. */
  readonly fileBackedKiB: number;
  /** Proportional set size: shared pages divided among the processes sharing them. */
  readonly pssKiB: number;
}

/** `Name:   123 kB` lines of /proc status-style files, by name (other lines are skipped). */
export function parseKiBFields(text: string): Map<string, number> {
  const fields = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z_()]+):\s+(\d+)\s+kB\s*$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) fields.set(match[1], Number(match[2]));
  }
  return fields;
}

export function parseProcMemory(statusText: string, smapsRollupText: string): ProcMemory {
  const status = parseKiBFields(statusText);
  const rollup = parseKiBFields(smapsRollupText);
  const field = (fields: Map<string, number>, name: string, file: string): number => {
    const value = fields.get(name);
    if (value === undefined) throw new Error(`${file} has no ${name} line`);
    return value;
  };
  const rssKiB = field(rollup, 'Rss', 'smaps_rollup');
  const anonymousKiB = field(rollup, 'Anonymous', 'smaps_rollup');
  return {
    vmRssKiB: field(status, 'VmRSS', 'status'),
    vmHwmKiB: field(status, 'VmHWM', 'status'),
    rssKiB,
    anonymousKiB,
    fileBackedKiB: rssKiB - anonymousKiB,
    pssKiB: field(rollup, 'Pss', 'smaps_rollup'),
  };
}

/** Reads a live process's memory (Linux only; smaps_rollup needs kernel 4.14+). */
export function readProcMemory(pid: number): ProcMemory {
  return parseProcMemory(readFileSync(`/proc/${pid}/status`, 'utf8'), readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
}
