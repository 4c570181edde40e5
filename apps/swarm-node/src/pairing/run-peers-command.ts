import type { SubcommandIo } from '../config/cli-subcommands';
import { BlockList } from './block-list';
import { configDirOf } from './config-dir';
import { parsePairingArgs } from './parse-pairing-args';

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

export const PEERS_COMMAND_USAGE = `Usage: local-swarm peers <block|unblock> <node id> [--config-dir <path>]
  block    refuse this node everywhere (discovery, manual add, its requests); restart the node to apply
  unblock  accept it again
`;

/** `local-swarm peers block|unblock <id>`: edits the config dir's blocked.json (0 done, 1 failed, 2 bad arguments). */
export async function runPeersCommand(argv: readonly string[], io: SubcommandIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const args = parsePairingArgs(argv);
  const [action, nodeId] = args.ok ? args.words : [];
  if (!args.ok || args.words.length !== 2 || nodeId === undefined || (action !== 'block' && action !== 'unblock')) {
    io.err(`${args.ok ? '' : `local-swarm peers: ${args.message}\n`}${PEERS_COMMAND_USAGE}`);
    return EXIT_USAGE;
  }
  const loaded = BlockList.load(configDirOf(args.configDir, env));
  if (!loaded.ok) return failed(io, loaded.message);
  try {
    if (action === 'block') {
      if (!loaded.list.block(nodeId)) return failed(io, 'a node id is 1 to 128 printable characters without spaces');
      io.out(`blocked ${nodeId} (${loaded.list.path})\n`);
    } else {
      io.out(loaded.list.unblock(nodeId) ? `unblocked ${nodeId}\n` : `${nodeId} was not blocked\n`);
    }
    return 0;
  } catch (error: unknown) {
    return failed(io, `${loaded.list.path} cannot be written: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function failed(io: SubcommandIo, message: string): number {
  io.err(`local-swarm peers: ${message}\n`);
  return EXIT_FAILED;
}
