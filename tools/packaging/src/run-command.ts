import { execFileSync } from 'node:child_process';

/** How much of a failed command's output goes into the error: enough for npm's or tsc's reason. */
const OUTPUT_TAIL_CHARS = 4000;

/**
 * The environment without npm_* variables: when jest runs under `npx`/`npm run`, npm exports
 * settings such as npm_config_local_prefix that would make a child npm work on the workspace root
 * instead of the temporary project.
 */
function withoutNpmSettings(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

function outputOf(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { stdout, stderr, message } = error as { stdout?: unknown; stderr?: unknown; message?: unknown };
  const text = [stdout, stderr].filter((part): part is string => typeof part === 'string' && part !== '').join('\n');
  return text !== '' ? text : String(message);
}

/**
 * Runs a command to its end and returns its stdout; a failure throws an Error that says what was
 * being done (`purpose`), the command line, and the end of its output.
 */
export function runCommand(purpose: string, command: string, args: readonly string[], cwd: string): string {
  try {
    return execFileSync(command, args, {
      cwd,
      env: withoutNpmSettings(process.env),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const output = outputOf(error).slice(-OUTPUT_TAIL_CHARS);
    throw new Error(`${purpose} failed: ${command} ${args.join(' ')} (in ${cwd})\n${output}`);
  }
}
