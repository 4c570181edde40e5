import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the config dir comes from: the setting (flag, LOCAL_SWARM_CONFIG_DIR, file), XDG, home. */
export interface ConfigDirSources {
  readonly configured: string | null;
  readonly xdgConfigHome?: string | undefined;
  readonly home?: string;
}

/**
 * The node's configuration folder: the setting when given, else `$XDG_CONFIG_HOME/local-swarm`,
 * else `~/.config/local-swarm` (the XDG default). An empty or relative XDG_CONFIG_HOME is ignored,
 * as the XDG specification asks.
 */
export function resolveConfigDir(sources: ConfigDirSources): string {
  if (sources.configured !== null) return sources.configured;
  const xdg = sources.xdgConfigHome;
  if (xdg !== undefined && xdg.startsWith('/')) return join(xdg, 'local-swarm');
  return join(sources.home ?? homedir(), '.config', 'local-swarm');
}

/** The config dir of this process: the setting, else the XDG variables of its environment. */
export function configDirOf(configured: string | null, env: NodeJS.ProcessEnv = process.env): string {
  return resolveConfigDir({ configured: configured ?? nonEmpty(env['LOCAL_SWARM_CONFIG_DIR']), xdgConfigHome: env['XDG_CONFIG_HOME'] });
}

function nonEmpty(value: string | undefined): string | null {
  return value === undefined || value.trim() === '' ? null : value;
}
