import { compareByScore, type Ballot } from './ballot';

/** Ballots whose scores may be compared with each other: one model file. */
export interface ScorePool {
  /** The model file's sha256; undefined for the candidates whose producer gave none. */
  readonly modelHash: string | undefined;
  /** Best score first (ties: earlier stable order); never empty. */
  readonly members: readonly Ballot[];
}

/**
 * Splits ballots by model file. A mean token log-probability is only meaningful against others
 * from the same weights and vocabulary: a file's hash says that, a model name does not (two files
 * may share a name). Candidates without a hash form one pool of their own, so they are never
 * compared with hashed ones. Pools are in a fixed order (by hash, the unhashed pool last).
 */
export function scorePools(ballots: readonly Ballot[]): ScorePool[] {
  const byHash = new Map<string | undefined, Ballot[]>();
  for (const ballot of ballots) {
    const hash = ballot.entry.candidate.modelHash;
    const members = byHash.get(hash);
    if (members === undefined) byHash.set(hash, [ballot]);
    else members.push(ballot);
  }
  return [...byHash]
    .map(([modelHash, members]) => ({ modelHash, members: [...members].sort(compareByScore) }))
    .sort((a, b) => compareHashes(a.modelHash, b.modelHash));
}

function compareHashes(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  return a < b ? -1 : 1;
}

/**
 * Why a pool's scores cannot be ranked, or null when they can: a missing score cannot be ranked,
 * and without a hash only one model name vouches for one model (as before hashes existed).
 */
export function incomparableReason(pool: ScorePool): string | null {
  const { members } = pool;
  if (pool.modelHash === undefined) {
    const models = [...new Set(members.map((ballot) => ballot.entry.candidate.model))].sort();
    if (models.length > 1) {
      return `candidates come from ${models.length} models (${models.join(', ')}), whose scores are not comparable`;
    }
  }
  const unscored = members.filter((ballot) => ballot.entry.candidate.score === null).length;
  if (unscored > 0) return `${unscored} of ${members.length} candidates have no score`;
  return null;
}
