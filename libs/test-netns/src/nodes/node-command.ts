/** What startNode() runs inside a host's namespace (after `ip netns exec <ns>`). */
export interface NodeCommand {
  readonly command: string;
  readonly args: readonly string[];
}

export interface NodeCommandInput {
  /** The node binary, normally `process.execPath`. */
  readonly execPath: string;
  /** The node program's JS entry file. */
  readonly entry: string;
  readonly args: readonly string[];
  /**
   * CPUs to pin the node to (`taskset -c <list>`), e.g. `[0]`; empty or absent: not pinned.
   * Pinning keeps two nodes on a small machine from fighting over one core.
   */
  readonly cpus?: readonly number[];
}

/** `node <entry> <args>`, or `taskset -c <cpus> node <entry> <args>`; taskset execs, so the pid stays the node's. */
export function nodeCommand(input: NodeCommandInput): NodeCommand {
  const nodeArgs = [input.entry, ...input.args];
  const cpus = input.cpus ?? [];
  if (cpus.length === 0) return { command: input.execPath, args: nodeArgs };
  if (!cpus.every((cpu) => Number.isInteger(cpu) && cpu >= 0)) throw new RangeError(`cpus must be CPU numbers (integers ≥ 0); got ${cpus.join(',')}`);
  return { command: 'taskset', args: ['-c', cpus.join(','), input.execPath, ...nodeArgs] };
}
