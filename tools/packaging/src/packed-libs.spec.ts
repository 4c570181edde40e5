/**
 * Packaging test: what `npm publish` would ship for every publishable @local-swarm lib must install
 * into an empty project and work there (main/types/exports/files/dependencies all right), not
 * just resolve inside this monorepo, where tsconfig paths and the workspace symlinks hide
 * packaging mistakes such as a lib importing another one it does not declare.
 *
 * Each lib is built into a temporary staging folder (never the workspace's dist/), packed with
 * `npm pack`, and all tarballs go into one `npm install`, so their @local-swarm dependencies
 * resolve to the tarballs, never to the registry. The npm cache is ~/.cache/local-swarm/npm (what
 * CI keeps); `--prefer-offline` reads it first. Optional dependencies are left out and install
 * scripts not run: node-llama-cpp's optional prebuilt binaries (about 650 MB) and its postinstall
 * are only needed to run a model, and swarm-core's entry loads node-llama-cpp only when a model
 * is loaded (a dynamic import).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildOrder } from './build-order';
import { auditDependencies } from './dependency-audit';
import { LIB_USES } from './lib-uses';
import { findPublishableLibs } from './publishable-libs';
import { runCommand } from './run-command';
import { packLib, stageLib, type PackedLib } from './stage-lib';

/** Building every lib and installing the tarballs: about a minute with a warm npm cache on 2 cores. */
const SETUP_TIMEOUT_MS = 900_000;
const USE_TIMEOUT_MS = 60_000;
const WORKSPACE_ROOT = resolve(__dirname, '../../..');
const NPM_CACHE = join(process.env['HOME'] ?? homedir(), '.cache', 'local-swarm', 'npm');
const LIBS = findPublishableLibs(WORKSPACE_ROOT);

/** Paths a package may ship besides its build. */
const SHIPPED_BESIDES_DIST = new Set(['package.json', 'README.md', 'LICENSE']);

function normalise(path: string): string {
  return path.replace(/^\.\//, '');
}

describe('packed @local-swarm libs', () => {
  let work = '';
  let project = '';
  const packed = new Map<string, PackedLib>();

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'local-swarm-packaging-'));
    const stageRoot = join(work, 'stage');
    const tarballs = join(work, 'tarballs');
    project = join(work, 'project');
    mkdirSync(tarballs);
    mkdirSync(project);
    const staged = new Map<string, string>();
    for (const lib of buildOrder(LIBS)) staged.set(lib.manifest.name, stageLib(lib, stageRoot, staged, WORKSPACE_ROOT));
    for (const lib of LIBS) {
      const stagedDir = staged.get(lib.manifest.name);
      if (stagedDir !== undefined) packed.set(lib.manifest.name, packLib(lib, stagedDir, tarballs));
    }
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'packaging-check', version: '0.0.0', private: true }));
    runCommand(
      'installing every tarball into an empty project',
      'npm',
      [
        'install',
        ...[...packed.values()].map((entry) => entry.tarball),
        '--cache',
        NPM_CACHE,
        '--prefer-offline',
        '--omit=optional',
        '--ignore-scripts',
        '--no-audit',
        '--no-fund',
      ],
      project,
    );
  }, SETUP_TIMEOUT_MS);

  afterAll(() => {
    if (work !== '') rmSync(work, { recursive: true, force: true });
  });

  it('finds the publishable libs, each with a line of use in lib-uses.ts', () => {
    const names = LIBS.map((lib) => lib.manifest.name);
    expect(names).toEqual(expect.arrayContaining(['@local-swarm/consensus', '@local-swarm/swarm-core']));
    expect(names.filter((name) => LIB_USES[name] === undefined).map((name) => `${name} has no use in tools/packaging/src/lib-uses.ts`)).toEqual([]);
  });

  describe.each(LIBS.map((lib) => [lib.manifest.name, lib] as const))('%s', (name, lib) => {
    const packedLib = (): PackedLib => {
      const entry = packed.get(name);
      if (entry === undefined) throw new Error(`${name} was not packed (see the error of beforeAll)`);
      return entry;
    };

    it('ships its build, package.json and README, and nothing of its tests', () => {
      const { files } = packedLib();
      const main = normalise(lib.manifest.main ?? 'index.js');
      const types = normalise(lib.manifest.types ?? 'index.d.ts');
      expect({ name, missing: [main, types, 'package.json'].filter((path) => !files.includes(path)) }).toEqual({ name, missing: [] });
      expect({ name, extra: files.filter((path) => !path.startsWith('dist/') && !SHIPPED_BESIDES_DIST.has(path)) }).toEqual({ name, extra: [] });
      expect({ name, tests: files.filter((path) => /\.spec\.|\.model-spec\.|\/testing\//.test(path)) }).toEqual({ name, tests: [] });
    });

    it('declares in package.json every package its shipped files import, and no other', () => {
      const audit = auditDependencies(join(project, 'node_modules', ...name.split('/')), lib.manifest);
      const problems = [
        ...audit.undeclared.map(
          (use) => `${name} imports ${use.packageName} (${use.files.slice(0, 3).join(', ')}${use.files.length > 3 ? ', ...' : ''}) but its package.json does not declare it`,
        ),
        ...audit.unused.map((dependency) => `${name} declares ${dependency} but none of its shipped files imports it`),
      ];
      expect(problems).toEqual([]);
    });

    it(
      'is required by name in a fresh node process and works',
      () => {
        const use = LIB_USES[name];
        if (use === undefined) throw new Error(`${name} has no use in tools/packaging/src/lib-uses.ts`);
        const output = runCommand(`using ${name} from its tarball`, process.execPath, ['-e', use.script], project);
        expect({ name, prints: JSON.parse(output) as unknown }).toEqual({ name, prints: use.prints });
      },
      USE_TIMEOUT_MS,
    );
  });
});
