/** What the startup banner shows; pure so its content is testable. */
export interface BannerFacts {
  readonly version: string;
  readonly modelId: string;
  readonly modelPath: string;
  readonly instances: number;
  readonly contextSize: number;
  readonly sizingReason: string;
  /** What sizing warns about (a probe that failed, weights that batch poorly). */
  readonly sizingWarnings?: readonly string[];
  readonly hardwareSummary: string;
  readonly url: string;
  readonly bindReason: string;
  readonly bindWarning: string | null;
  readonly strategy: string;
  readonly nodeId: string;
  /** "off", or how federation runs. */
  readonly federation: string;
  /** One line per known peer at start-up. */
  readonly peers: readonly string[];
  /** Lines shown last, as they are (pairing warnings and hints); terminal only, never logged. */
  readonly notes?: readonly string[];
}

export function formatBanner(facts: BannerFacts): string {
  const lines = [
    `Local Swarm ${facts.version}`,
    `  model      ${facts.modelId} (${facts.modelPath})`,
    `  instances  ${facts.instances} x ${facts.contextSize} tokens (${facts.sizingReason})`,
    `  hardware   ${facts.hardwareSummary}`,
    `  strategy   ${facts.strategy}`,
    `  node id    ${facts.nodeId}`,
    `  federation ${facts.federation}`,
    `  listening  ${facts.url}  (${facts.bindReason})`,
    `  API        ${facts.url}/v1  ·  docs ${facts.url}/docs  ·  health ${facts.url}/health`,
  ];
  if (facts.federation !== 'off') {
    if (facts.peers.length === 0) lines.push('  peers      none yet (joins are logged as they come)');
    for (const [index, peer] of facts.peers.entries()) lines.push(`  ${index === 0 ? 'peers     ' : '          '} ${peer}`);
  }
  if (facts.bindWarning !== null) lines.push(`  WARNING    ${facts.bindWarning}`);
  for (const warning of facts.sizingWarnings ?? []) lines.push(`  WARNING    ${warning}`);
  lines.push(...(facts.notes ?? []));
  return lines.join('\n');
}
