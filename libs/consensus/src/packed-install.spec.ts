/**
 * Packaging test: what `npm publish` would ship must install into an empty project and work there
 * (main/types/exports/files/dependencies all right), not just resolve inside this monorepo where
 * tsconfig paths and the workspace symlink hide packaging mistakes.
 *
 * Slow (build + pack + install): about 10–30 s with a warm npm cache, hence the 120 s timeouts.
 * The npm cache is ${HOME}/.cache/local-swarm/npm (what CI caches); on a clean machine the install
 * fetches fuzzball and its dependencies from the registry once.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const TIMEOUT_MS = 120_000;
const LIB_ROOT = resolve(__dirname, '..');
const WORKSPACE_ROOT = resolve(LIB_ROOT, '../..');
const NPM_CACHE = join(process.env['HOME'] ?? homedir(), '.cache', 'local-swarm', 'npm');

/**
 * The environment without npm_* variables: when jest runs under `npx`/`npm run`, npm exports
 * settings such as npm_config_local_prefix that would make the child npm install into the
 * workspace root instead of the temp project.
 */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

function run(command: string, args: readonly string[], cwd: string): string {
  return execFileSync(command, args, { cwd, env: cleanEnv(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

interface PackResult {
  readonly filename: string;
  readonly files: readonly { readonly path: string }[];
}

const SCRIPT = `
const { decide, STRATEGY_NAMES } = require('@local-swarm/consensus');
const base = { model: 'm', finishReason: 'stop', sequence: 0 };
const verdict = decide([
  { ...base, text: 'The answer is 4.', score: -0.2, source: 'a', latencyMs: 10 },
  { ...base, text: '4', score: -0.3, source: 'b', latencyMs: 12 },
  { ...base, text: '5', score: -0.1, source: 'c', latencyMs: 8 },
], { strategy: 'majority' });
console.log(JSON.stringify({
  strategies: STRATEGY_NAMES,
  strategy: verdict.strategy,
  winner: verdict.winner.candidate.text,
  groups: verdict.groups.map((group) => [group.key, group.weight]),
  agreement: verdict.agreement,
  valid: verdict.valid,
}));
`;

describe('packed @local-swarm/consensus', () => {
  let work = '';

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'consensus-pack-'));
    // Build like `nx build consensus`, so the test works on a clean clone with no dist/. No
    // `rm -rf dist` first: another process (an app build) may be reading it; tsc overwrites.
    run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(LIB_ROOT, 'tsconfig.lib.json')], WORKSPACE_ROOT);
  }, TIMEOUT_MS);

  afterAll(() => {
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  it(
    'ships only the build and README, installs into an empty project, and decides there',
    () => {
      const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], LIB_ROOT)) as PackResult[];
      if (packed === undefined) throw new Error('npm pack reported no tarball');
      const files = packed.files.map((file) => file.path);
      expect(files).toEqual(expect.arrayContaining(['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts']));
      expect(files.filter((path) => !path.startsWith('dist/') && path !== 'package.json' && path !== 'README.md')).toEqual([]);
      expect(files.filter((path) => /\.spec\.|\/testing\//.test(path))).toEqual([]);

      const project = join(work, 'project');
      mkdirSync(project);
      run('npm', ['init', '-y'], project);
      run(
        'npm',
        ['install', join(work, packed.filename), '--cache', NPM_CACHE, '--prefer-offline', '--no-audit', '--no-fund'],
        project,
      );

      const output = run(process.execPath, ['-e', SCRIPT], project);
      expect(JSON.parse(output)).toEqual({
        strategies: ['majority', 'weighted_vote', 'best_of_n', 'first_valid'],
        strategy: 'majority',
        winner: 'The answer is 4.',
        groups: [
          ['number:4', 2],
          ['number:5', 1],
        ],
        agreement: 2 / 3,
        valid: true,
      });
    },
    TIMEOUT_MS,
  );
});
