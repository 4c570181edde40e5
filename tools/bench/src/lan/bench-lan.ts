import { createNodeLan, netnsUnavailableReason, type NodeLan } from '@local-swarm/test-netns';
import { spawnSync } from 'node:child_process';
import { SWARM_NODE_ENTRY } from '../node-process/swarm-node-process';

/**
 * Why the LAN benchmarks cannot run here (no root, no `ip`, no `taskset`, fewer than 2 CPUs),
 * or null. They measure real node processes in network namespaces, each pinned to its own core.
 */
export function benchLanUnavailableReason(): string | null {
  const netns = netnsUnavailableReason();
  if (netns !== null) return netns;
  const taskset = spawnSync('taskset', ['-p', String(process.pid)], { encoding: 'utf8' });
  if (taskset.error !== undefined || taskset.status !== 0) return 'taskset (util-linux) is needed to pin each node to its own core';
  return null;
}

/**
 * Runs `body` with a LAN of namespaces (hosts named by `hosts`) that runs the built swarm node
 * (apps/swarm-node/dist/main.js), and always takes it down afterwards: nodes, HTTP drivers and
 * namespaces, also when `body` throws or the benchmark gets SIGINT/SIGTERM (Ctrl-C, the suite's
 * timeout). Federation traffic never leaves these namespaces.
 */
export async function withBenchLan<T>(hosts: readonly string[], body: (lan: NodeLan) => Promise<T>): Promise<T> {
  return withBenchLans([hosts], (lans) => {
    const [lan] = lans;
    if (lan === undefined) throw new Error('no LAN was created');
    return body(lan);
  });
}

/**
 * Like withBenchLan, with several LANs at once, one per entry of `hostsPerLan`: separate bridges,
 * so nodes on one never see the others' mDNS adverts (e.g. a sealed pair beside an open pair).
 */
export async function withBenchLans<T>(hostsPerLan: readonly (readonly string[])[], body: (lans: NodeLan[]) => Promise<T>): Promise<T> {
  const reason = benchLanUnavailableReason();
  if (reason !== null) throw new Error(`this benchmark needs network namespaces and taskset: ${reason}`);
  const lans: NodeLan[] = [];
  const destroyAll = (): Promise<unknown> => Promise.all(lans.map((lan) => lan.destroy()));
  const onSignal = (signal: NodeJS.Signals): void => {
    void destroyAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    for (const hosts of hostsPerLan) lans.push(await createNodeLan({ hosts, entry: SWARM_NODE_ENTRY }));
    return await body(lans);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await destroyAll();
  }
}
