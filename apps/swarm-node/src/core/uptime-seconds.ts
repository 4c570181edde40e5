import type { NodeSettings } from './core.tokens';

/** Whole seconds since the node started, as /health and the dashboard show them. */
export function uptimeSeconds(settings: Pick<NodeSettings, 'startedAt'>, now = Date.now()): number {
  return Math.round((now - settings.startedAt.getTime()) / 1000);
}
