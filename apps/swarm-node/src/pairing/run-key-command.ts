import { formatJoinString, formatSwarmKey, newSwarmKey, readSwarmKeyFile, swarmKeyId } from '@local-swarm/federation-protocol';
import type { SubcommandIo } from '../config/cli-subcommands';
import { configDirOf } from './config-dir';
import { parsePairingArgs } from './parse-pairing-args';
import { readStoredSwarmKey, replaceStoredSwarmKey, storedSwarmKeyPath } from './stored-swarm-key';

const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

export const KEY_COMMAND_USAGE = `Usage: local-swarm key <new|show|rotate> [--config-dir <path>] [--swarm-key-file <path>]
  new     print a new swarm key (64 hex characters), e.g. local-swarm key new > swarm.key
  show    print the join string of this machine's swarm key (a secret: type it only on your machines)
  rotate  replace the stored swarm key with a new one (the old one is kept as swarm.key.old)
`;

/** `local-swarm key ...`: 0 done, 1 the key could not be read or written, 2 bad arguments. */
export async function runKeyCommand(argv: readonly string[], io: SubcommandIo, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const args = parsePairingArgs(argv);
  if (!args.ok || args.words.length !== 1) {
    io.err(`${args.ok ? '' : `local-swarm key: ${args.message}\n`}${KEY_COMMAND_USAGE}`);
    return EXIT_USAGE;
  }
  const configDir = configDirOf(args.configDir, env);
  const keyFile = args.keyFile ?? (env['LOCAL_SWARM_KEY_FILE'] || null);
  switch (args.words[0]) {
    case 'new':
      io.out(formatSwarmKey(newSwarmKey()));
      return 0;
    case 'show': {
      const key = keyFile !== null ? readSwarmKeyFile(keyFile) : readStoredSwarmKey(configDir);
      if (!key.ok) return failed(io, key.message);
      if (key.value === null) return failed(io, `no swarm key in ${storedSwarmKeyPath(configDir)}: start the node with --federation once, or join with --join`);
      io.out(`${formatJoinString(key.value)}\n`);
      io.err(`key id ${swarmKeyId(key.value)}; on another machine: local-swarm --federation --join <the line above>\n`);
      return 0;
    }
    case 'rotate': {
      const rotated = replaceStoredSwarmKey(configDir, newSwarmKey());
      if (!rotated.ok) return failed(io, rotated.message);
      io.out(`${formatJoinString(rotated.value)}\n`);
      io.err(
        `new swarm key (key id ${swarmKeyId(rotated.value)}) stored in ${storedSwarmKeyPath(configDir)}, the old one kept as swarm.key.old;\n` +
          'restart this node, then EVERY machine of the swarm must re-join: local-swarm --federation --join <the line above> --replace-key\n',
      );
      return 0;
    }
    default:
      io.err(`local-swarm key: unknown command ${JSON.stringify(args.words[0])}\n${KEY_COMMAND_USAGE}`);
      return EXIT_USAGE;
  }
}

function failed(io: SubcommandIo, message: string): number {
  io.err(`local-swarm key: ${message}\n`);
  return EXIT_FAILED;
}
