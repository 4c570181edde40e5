import 'reflect-metadata';
import { resolveNodeConfig } from './config';
import { startNode } from './bootstrap/start-node';
import { StartupError } from './bootstrap/startup-error';

/** Exit code for bad flags, config files or start-up settings: the user must change something. */
const EXIT_USAGE = 2;

async function main(): Promise<void> {
  const resolved = resolveNodeConfig(process.argv.slice(2));
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
