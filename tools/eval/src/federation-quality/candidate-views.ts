import type { Candidate } from '@local-swarm/consensus';

/** One node of the federation as its candidates name it in the asked node's reply. */
export interface FederationNode {
  /** `source` of its candidates in the asked node's reply: each node's id, the asked node's included. */
  readonly source: string;
  /** Short name for tables, e.g. "A". */
  readonly label: string;
  /** Model id its candidates carry. */
  readonly model: string;
  /** Readable model name for tables, e.g. "SmolLM2-135M". */
  readonly modelLabel: string;
}

/** A subset of one request's candidates, judged as if only those nodes had voted. */
export interface CandidateView {
  /** `one-node`, `federation`, or `model:<model id>`. */
  readonly id: string;
  readonly label: string;
  /** Sources whose candidates the view holds. */
  readonly sources: readonly string[];
  /** Nodes voting (the chart's x). */
  readonly nodes: number;
}

export const ONE_NODE_VIEW_ID = 'one-node';
export const FEDERATION_VIEW_ID = 'federation';

/**
 * The views compared on the SAME candidates: the node asked alone (its own candidates), each
 * model alone (the nodes serving it), and the whole federation (what the node decided on).
 * The first node is the one asked. A model served by every node would repeat the federation, and
 * one served only by the asked node would repeat "one node": such views are left out.
 */
export function buildViews(nodes: readonly FederationNode[]): CandidateView[] {
  const [asked] = nodes;
  if (asked === undefined) throw new RangeError('buildViews needs at least the node asked');
  const views: CandidateView[] = [{ id: ONE_NODE_VIEW_ID, label: `one node (${asked.label}, ${asked.modelLabel})`, sources: [asked.source], nodes: 1 }];
  const models = [...new Set(nodes.map((node) => node.model))];
  for (const model of models) {
    const serving = nodes.filter((node) => node.model === model);
    const repeatsOneNode = serving.length === 1 && serving[0] === asked;
    if (serving.length === nodes.length || repeatsOneNode) continue;
    const modelLabel = serving[0]?.modelLabel ?? model;
    views.push({
      id: `model:${model}`,
      label: `${modelLabel} only (${serving.map((node) => node.label).join('+')})`,
      sources: serving.map((node) => node.source),
      nodes: serving.length,
    });
  }
  views.push({ id: FEDERATION_VIEW_ID, label: `federation (${nodes.map((node) => node.label).join('+')})`, sources: nodes.map((node) => node.source), nodes: nodes.length });
  return views;
}

/** The candidates a view holds, in the reply's order (decide() is order-independent anyway). */
export function viewCandidates(candidates: readonly Candidate[], view: CandidateView): Candidate[] {
  return candidates.filter((candidate) => view.sources.includes(candidate.source));
}

/**
 * Candidates whose model is not the one their node serves (a node answering with another model
 * would make the per-model views lie): `source:model` of each, empty when all match.
 */
export function modelMismatches(candidates: readonly Candidate[], nodes: readonly FederationNode[]): string[] {
  return candidates
    .filter((candidate) => {
      const node = nodes.find((entry) => entry.source === candidate.source);
      return node === undefined || node.model !== candidate.model;
    })
    .map((candidate) => `${candidate.source}:${candidate.model}`);
}
