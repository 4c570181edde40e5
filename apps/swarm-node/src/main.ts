import 'reflect-metadata';
import { resolveNodeConfig } from './config';
import { findCliSubcommand } from './config/cli-subcommands';
import { startNode } from './bootstrap/start-node';
import { StartupError } from './bootstrap/startup-error';

/** Exit code for bad flags, config files or start-up settings: the user must change something. */
const EXIT_USAGE = 2;

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const subcommand = findCliSubcommand(args);
  if (subcommand !== undefined) {
    const io = { out: (text: string) => process.stdout.write(text), err: (text: string) => process.stderr.write(text) };
    const code = await subcommand.run(args.slice(1), io);
    process.exitCode = code;
    // A socket a library failed to release must not keep a finished command running.
    setTimeout(() => process.exit(code), 1000).unref();
    return;
  }
  const resolved = resolveNodeConfig(args);
  if (resolved.ok === 'exit') {
    process.stdout.write(resolved.output.endsWith('\n') ? resolved.output : `${resolved.output}\n`);
    return;
  }
  if (!resolved.ok) {
    process.stderr.write(`local-swarm: ${resolved.error.message}\n`);
    process.exit(EXIT_USAGE);
  }
  try {
    await startNode(resolved.config);
  } catch (error) {
    if (error instanceof StartupError) {
      process.stderr.write(`local-swarm: ${error.message}\n`);
      process.exit(EXIT_USAGE);
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`local-swarm: fatal: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
