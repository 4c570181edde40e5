import { execFile, spawn } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './swarm-node-process';

/** The env var through which tools/scripts/test-all.sh hands over the venv it prepared. */
export const PYCLIENTS_PYTHON_ENV = 'LOCAL_SWARM_PYCLIENTS_PYTHON';
const CHECKS_DIR = join(REPO_ROOT, 'tools', 'pyclients');
const VENV_SCRIPT = join(REPO_ROOT, 'tools', 'scripts', 'pyclients-venv.sh');

export interface PythonCheckResult {
  readonly code: number | null;
  /** The check's JSON line: what the client observed, or {error, message} when it raised. */
  readonly observed: Record<string, unknown>;
  /** The end of what the check printed for humans (the client's own errors land here). */
  readonly stderrTail: string;
}

/**
 * The venv python with the official Python clients: the one test-all.sh prepared, else the same
 * script prepares it now (fast when it exists), so the suite also runs on its own.
 */
export function pythonClientsInterpreter(): Promise<string> {
  const prepared = process.env[PYCLIENTS_PYTHON_ENV];
  if (prepared !== undefined && prepared !== '') return Promise.resolve(prepared);
  return new Promise((resolve, reject) => {
    execFile('bash', [VENV_SCRIPT], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const python = stdout.trim().split('\n').pop() ?? '';
      if (error !== null || python === '') reject(new Error(`${VENV_SCRIPT} failed:\n${stderr.slice(-4000)}`));
      else resolve(python);
    });
  });
}

/** Runs tools/pyclients/<script> against a node's OpenAI base URL and reads its JSON line. */
export function runPythonCheck(python: string, script: string, baseURL: string): Promise<PythonCheckResult> {
  const child = spawn(python, [join(CHECKS_DIR, script), baseURL], {
    cwd: CHECKS_DIR,
    // No bytecode caches written into the repository; a proxy in the environment must not get loopback.
    env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', NO_PROXY: '127.0.0.1,localhost', no_proxy: '127.0.0.1,localhost' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      try {
        resolve({ code, observed: JSON.parse(line) as Record<string, unknown>, stderrTail: stderr.slice(-2000) });
      } catch {
        reject(new Error(`${script} exited with ${String(code)} without a JSON line:\n${stdout}\n${stderr.slice(-4000)}`));
      }
    });
  });
}
