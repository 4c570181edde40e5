import { decide, type Candidate, type Verdict } from '@local-swarm/consensus';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LEARNED_WEIGHTS_FILE_NAME, MAX_LEARNED_WEIGHTS_FILE_BYTES } from './learned-weights-file';
import { PersistedLearnedWeights, type PersistedLearnedWeightsOptions } from './persisted-learned-weights';

const bounds = { window: 4, floor: 0.2, minObservations: 2, maxSources: 8 };

function vote(answers: Readonly<Record<string, string>>): Verdict {
  const candidates = Object.entries(answers).map(([source, text]): Candidate => ({ text, source, sequence: 0, score: -0.5, model: 'm', finishReason: 'stop', latencyMs: 1 }));
  return decide(candidates, { strategy: 'weighted_vote' });
}

/** `local` and `paired` agree on 5, `odd` says 6 and loses. */
const DISAGREEING = { local: '5', paired: '5', odd: '6' };

let dir: string;
let path: string;
let warnings: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'learned-weights-'));
  path = join(dir, LEARNED_WEIGHTS_FILE_NAME);
  warnings = [];
});
afterEach(() => {
  jest.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

function load(overrides: Partial<PersistedLearnedWeightsOptions> = {}): PersistedLearnedWeights {
  return PersistedLearnedWeights.load({ path, isPersisted: () => true, warn: (message) => warnings.push(message), bounds, ...overrides });
}

describe('PersistedLearnedWeights', () => {
  it('keeps what it learned across a restart, in a 0600 file', () => {
    const store = load();
    store.record(vote(DISAGREEING));
    store.record(vote(DISAGREEING));
    store.close();
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const restarted = load();
    expect(restarted.weightsFor(['local', 'odd'])).toEqual({ local: 1, odd: expect.closeTo(0.2, 12) });
    expect(restarted.entries()).toEqual(expect.arrayContaining([{ source: 'odd', weight: expect.closeTo(0.2, 12), observations: [0, 0], persisted: true }]));
    expect(warnings).toEqual([]);
  });

  it('falls back to the configured weight for a source it has not learned yet', () => {
    expect(load().weightsFor(['local', 'paired'], { paired: 3 })).toEqual({ local: 1, paired: 3 });
  });

  it('learns open peers in memory only, in their own book', () => {
    const store = load({ isPersisted: (source) => source === 'local' || source === 'paired', bounds: { ...bounds, maxSources: 2 } });
    store.record(vote(DISAGREEING));
    store.record(vote(DISAGREEING));
    expect(store.weightsFor(['odd'])).toEqual({ odd: expect.closeTo(0.2, 12) });
    // Open ids flooding in do not evict the kept sources.
    for (const id of ['x1', 'x2', 'x3']) store.record(vote({ [id]: '1', odd: '1' }));
    store.close();
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { sources: { source: string }[] };
    expect(saved.sources.map((entry) => entry.source)).toEqual(['local', 'paired']);
    expect(store.entries().filter((entry) => !entry.persisted).map((entry) => entry.source)).toEqual(['odd', 'x3']);
  });

  it('saves at most once per interval after a change, and what is left on close', () => {
    jest.useFakeTimers();
    const store = load({ saveIntervalMs: 5000 });
    store.record(vote(DISAGREEING));
    jest.advanceTimersByTime(4999);
    expect(existsSync(path)).toBe(false);
    jest.advanceTimersByTime(1);
    expect(existsSync(path)).toBe(true);
    store.record(vote(DISAGREEING));
    store.record(vote(DISAGREEING));
    jest.advanceTimersByTime(4999);
    expect(load().entries()[0]?.observations).toHaveLength(1);
    store.close();
    expect(load().entries()[0]?.observations).toHaveLength(3);
  });

  it.each([
    ['not JSON', 'not json'],
    ['no sources', '{}'],
    ['a value not 0 or 1', '{"sources": [{"source": "a", "observations": [2]}]}'],
    ['a malformed id', '{"sources": [{"source": "a b", "observations": [1]}]}'],
    ['a duplicate source', '{"sources": [{"source": "a", "observations": [1]}, {"source": "a", "observations": [1]}]}'],
    ['more votes than the window', '{"sources": [{"source": "a", "observations": [1, 1, 1, 1, 1]}]}'],
    ['more sources than the bound', JSON.stringify({ sources: Array.from({ length: 9 }, (_, index) => ({ source: `s${index}`, observations: [1] })) })],
  ])('starts empty with a warning from a file with %s', (_, text) => {
    writeFileSync(path, text);
    const store = load();
    expect(store.entries()).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining(LEARNED_WEIGHTS_FILE_NAME)]);
  });

  it('does not read a file over the size bound', () => {
    writeFileSync(path, JSON.stringify({ sources: [{ source: 'a', observations: [0, 0] }], padding: 'x'.repeat(MAX_LEARNED_WEIGHTS_FILE_BYTES) }));
    const store = load({ bounds: { ...bounds, window: 2 } });
    expect(store.entries()).toEqual([]);
    expect(warnings).toEqual([expect.stringContaining(`larger than ${MAX_LEARNED_WEIGHTS_FILE_BYTES} bytes`)]);
  });

  it('makes a missing config dir, private', () => {
    const nested = join(dir, 'config', LEARNED_WEIGHTS_FILE_NAME);
    const store = load({ path: nested });
    store.record(vote(DISAGREEING));
    store.close();
    expect(statSync(join(dir, 'config')).mode & 0o777).toBe(0o700);
    expect(existsSync(nested)).toBe(true);
  });

  it('learns in memory only without a path', () => {
    const store = load({ path: null });
    store.record(vote(DISAGREEING));
    store.close();
    expect(store.entries()).toHaveLength(3);
    expect(warnings).toEqual([]);
  });

  it('warns and goes on when the file cannot be written', () => {
    writeFileSync(join(dir, 'file'), '');
    const store = load({ path: join(dir, 'file', LEARNED_WEIGHTS_FILE_NAME) });
    store.record(vote(DISAGREEING));
    expect(() => store.close()).not.toThrow();
    expect(warnings).toEqual([expect.stringContaining('not saved')]);
  });
});
