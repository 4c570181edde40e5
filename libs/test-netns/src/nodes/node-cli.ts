/**
 * How a node program is told where to listen and how it says it is ready. The LAN of nodes needs
 * both; the program's location is always the caller's (a lib must not know where an app lives).
 */
export interface NodeCli {
  /** Flags that make the node listen on `address:port`. */
  addressArgs(address: string, port: number): readonly string[];
  /** True once the node's output so far (stdout and stderr) shows it serves requests. */
  isReady(output: string): boolean;
}

/**
 * Local Swarm's node CLI: `--host <ip> --port <n>`; ready once its banner has printed both the
 * `listening http://…` line and the `API …` line under it (the banner may arrive in pieces).
 */
export const LOCAL_SWARM_NODE_CLI: NodeCli = {
  addressArgs: (address, port) => ['--host', address, '--port', String(port)],
  isReady: (output) => /^\s*listening\s+http:\/\/\S+/m.test(output) && /\n {2}API /.test(output),
};

/** The API port a Local Swarm node uses by default; every LAN host has its own address, so all may use it. */
export const LOCAL_SWARM_API_PORT = 17615;
