/** One JSON log line of a node (pino): its time (epoch ms), message and other fields. */
export interface LogEntry {
  readonly time: number;
  readonly msg: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

/**
 * The JSON log lines in a node's output (the banner and other plain text are skipped, as are
 * lines cut off mid-way). A node logs JSON lines whenever stdout is not a terminal.
 */
export function readLogEntries(output: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const line of output.split('\n')) {
    if (!line.startsWith('{')) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    if (typeof parsed !== 'object' || parsed === null) continue;
    const fields = parsed as Record<string, unknown>;
    const { time, msg } = fields;
    if (typeof time === 'number' && typeof msg === 'string') entries.push({ time, msg, fields });
  }
  return entries;
}

/**
 * Time of the first entry with message `msg`, at or after `after` (epoch ms), whose fields
 * include every one in `match`; null when there is none.
 */
export function findLogTime(output: string, msg: string, options: { after?: number; match?: Readonly<Record<string, unknown>> } = {}): number | null {
  const after = options.after ?? Number.NEGATIVE_INFINITY;
  const match = Object.entries(options.match ?? {});
  const found = readLogEntries(output).find((entry) => entry.msg === msg && entry.time >= after && match.every(([key, value]) => entry.fields[key] === value));
  return found?.time ?? null;
}

/**
 * When a node started advertising itself on mDNS, and when it announced (probing done). The
 * discovery lib logs "advertising on mDNS" once advertise() resolved, with `ms`: how long
 * probing took (RFC 6762 §8.1, about 0.8 s), so the start is that line's time minus `ms`.
 */
export function advertisingTimes(output: string): { startedAt: number; announcedAt: number } | null {
  const entry = readLogEntries(output).find((candidate) => candidate.msg === 'advertising on mDNS');
  if (entry === undefined) return null;
  const ms = entry.fields['ms'];
  return { startedAt: entry.time - (typeof ms === 'number' ? ms : 0), announcedAt: entry.time };
}
