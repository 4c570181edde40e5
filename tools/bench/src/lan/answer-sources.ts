/** Who took part in an answer, from the `consensus` block of a node's completion reply. */
export interface AnswerSources {
  /** Sources (node ids) that contributed candidates. */
  readonly answeredBy: readonly string[];
  /** Sources that were asked and failed (timed out, died, refused). */
  readonly failed: readonly string[];
  /** finish_reason of every candidate reported, in order. */
  readonly finishReasons: readonly string[];
}

/** Reads `consensus.sources` and `consensus.candidates`; null when the reply has no consensus block. */
export function readAnswerSources(body: unknown): AnswerSources | null {
  if (!isRecord(body) || !isRecord(body['consensus'])) return null;
  const { sources, candidates } = body['consensus'];
  if (!Array.isArray(sources)) return null;
  const answeredBy: string[] = [];
  const failed: string[] = [];
  for (const source of sources as unknown[]) {
    if (!isRecord(source) || typeof source['id'] !== 'string') continue;
    (source['ok'] === true ? answeredBy : failed).push(source['id']);
  }
  const finishReasons = Array.isArray(candidates)
    ? (candidates as unknown[]).map((candidate) => (isRecord(candidate) && typeof candidate['finish_reason'] === 'string' ? candidate['finish_reason'] : 'unknown'))
    : [];
  return { answeredBy, failed, finishReasons };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
