/**
 * CPUs to pin each node to, given the machine's CPU count and the nodes' relative CPU cost per
 * request (same order). With at least one CPU per node, each gets its own. With fewer, the
 * costliest node gets a CPU to itself and the others share what is left (round-robin), so the
 * slowest node, which every federated request waits for, is never slowed by the others. With one
 * CPU (or none known) nothing is pinned: an empty list per node.
 */
export function cpuPlan(cpus: number, costs: readonly number[]): number[][] {
  if (cpus < 2 || costs.length === 0) return costs.map(() => []);
  if (cpus >= costs.length) return costs.map((_, index) => [index]);
  const costliest = costs.reduce((best, cost, index) => (cost > (costs[best] ?? -Infinity) ? index : best), 0);
  let next = 0;
  return costs.map((_, index) => {
    if (index === costliest) return [cpus - 1];
    const cpu = next % (cpus - 1);
    next += 1;
    return [cpu];
  });
}
