/**
 * The sampling seed of a task: FNV-1a of "<run seed>:<task id>". Tied to the task's id rather
 * than its position, so a task gets the same samples whatever subset it runs in.
 */
export function taskSeed(runSeed: number, taskId: string): number {
  let hash = 0x811c9dc5;
  for (const char of `${runSeed}:${taskId}`) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  // Leave room for seed + i of every candidate inside uint32 (candidateSeed wraps anyway).
  return hash >>> 8;
}
