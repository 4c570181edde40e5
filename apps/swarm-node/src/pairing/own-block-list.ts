import { BlockList } from './block-list';
import { configDirOf } from './config-dir';

/** This machine's block list as a command other than the node reads it. */
export interface OwnBlockList {
  readonly isBlocked: (nodeId: string) => boolean;
  /** Why blocked.json cannot be used (the node would refuse to start); null when it can. */
  readonly problem: string | null;
}

/**
 * The block list the node would load (the config dir's blocked.json), read without creating
 * anything: a missing file blocks nobody; a malformed one blocks nobody here and names the problem.
 */
export function ownBlockList(configDir: string | null = null, env: NodeJS.ProcessEnv = process.env): OwnBlockList {
  const loaded = BlockList.load(configDirOf(configDir, env));
  if (!loaded.ok) return { isBlocked: () => false, problem: loaded.message };
  const { list } = loaded;
  return { isBlocked: (nodeId) => list.isBlocked(nodeId), problem: null };
}
