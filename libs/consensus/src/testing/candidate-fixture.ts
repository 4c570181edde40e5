import type { Candidate } from '../candidate/candidate';
import type { Verdict } from '../verdict/verdict';

/** A valid candidate with sensible defaults; override what the test is about. */
export function candidate(overrides: Partial<Candidate> & Pick<Candidate, 'text'>): Candidate {
  return {
    score: -0.5,
    source: 'local',
    sequence: 0,
    model: 'model-a',
    finishReason: 'stop',
    latencyMs: 100,
    ...overrides,
  };
}

/** Candidates from one source, numbered in order: the common "local instances" case. */
export function fromSource(source: string, texts: readonly string[], overrides: Partial<Candidate> = {}): Candidate[] {
  return texts.map((text, sequence) => candidate({ text, source, sequence, ...overrides }));
}

/** Deterministic Fisher–Yates shuffle (mulberry32), so a failing shuffle can be replayed. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = copy[i];
    const b = copy[j];
    if (a === undefined || b === undefined) continue;
    copy[i] = b;
    copy[j] = a;
  }
  return copy;
}

function id(candidate: Candidate): string {
  return `${candidate.source}#${candidate.sequence}`;
}

/**
 * A verdict with input indexes replaced by candidate identities (source#sequence), so verdicts on
 * differently ordered inputs can be compared for equality.
 */
export function portable(verdict: Verdict, input: readonly Candidate[]): unknown {
  const at = (index: number): string => {
    const found = input[index];
    return found === undefined ? `?${index}` : id(found);
  };
  return {
    ...verdict,
    winner: verdict.winner === null ? null : { ...verdict.winner, index: at(verdict.winner.index) },
    ranking: verdict.ranking.map((entry) => ({ ...entry, index: at(entry.index) })),
    groups: verdict.groups.map((group) => ({ ...group, memberIndexes: group.memberIndexes.map(at) })),
    dropped: verdict.dropped.map((entry) => ({ ...entry, index: at(entry.index) })),
  };
}

/** The winner's text, or null: what most strategy tables assert on. */
export function winnerText(verdict: Verdict): string | null {
  return verdict.winner?.candidate.text ?? null;
}

/** The ranking as "source#sequence" identities. */
export function rankingIds(verdict: Verdict): string[] {
  return verdict.ranking.map((entry) => id(entry.candidate));
}
