import type { HealthReport } from '@local-swarm/federation-protocol';

/** This node's model: its id (name) and the sha256 of its file, null while not yet hashed. */
export interface LocalModel {
  readonly modelId: string;
  readonly modelSha256: string | null;
}

const SHOWN_HEX_DIGITS = 12;

/**
 * Why a peer must not vote because it names this node's model but runs another file, null when
 * it may. Two files under one name are not the same model: their answers would be counted as
 * agreeing copies of ours, so the peer is told to use the same file or rename it. A peer with
 * another model id, or a digest unknown on either side, is no conflict.
 */
export function modelFileConflict(local: LocalModel | null, report: Pick<HealthReport, 'modelId' | 'modelSha256'>): string | null {
  if (local === null || local.modelSha256 === null || report.modelId !== local.modelId) return null;
  const theirs = report.modelSha256 ?? null;
  if (theirs === null || theirs === local.modelSha256) return null;
  return (
    `claims model ${local.modelId} but its file differs (sha256 ${theirs.slice(0, SHOWN_HEX_DIGITS)} vs ours ` +
    `${local.modelSha256.slice(0, SHOWN_HEX_DIGITS)}); use the same file or rename it`
  );
}
