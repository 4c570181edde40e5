import os from 'node:os';

/** One line that says what the figures were measured on. */
export function describeMachine(): string {
  const cpus = os.cpus();
  const model = cpus[0]?.model.trim() ?? 'unknown CPU';
  const gib = (os.totalmem() / 2 ** 30).toFixed(1);
  const load = os.loadavg().map((value) => value.toFixed(2)).join(' ');
  return `${model}, ${cpus.length} cores, ${gib} GiB RAM, ${os.type()} ${os.release()}, node ${process.version}, load average at start ${load}`;
}
