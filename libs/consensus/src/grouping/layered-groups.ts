import type { SemanticGroupingOptions } from '../options/semantic-grouping-options';
import { answerWords } from './answer-words';
import { clusterByEmbedding } from './cluster-by-embedding';
import type { GroupingLayer } from './grouping-layer';
import type { GroupingMode } from './grouping-mode';
import { mergeByContainment, type ShortAnswer } from './merge-by-containment';
import { quantityWords } from './quantity-words';
import { questionWords } from './question-words';

/** A group of equal canonical forms, the unit every later layer merges. */
export interface GroupingAtom {
  /** `kind:key` of the canonical form. */
  readonly key: string;
  /** Its members' texts, earliest in the stable order first; never empty. */
  readonly texts: readonly string[];
  /** Its earliest member's place in the stable order. */
  readonly firstRank: number;
}

/** Where an atom ended up: the key of its final group and the weakest layer that built it. */
export interface AtomPlacement {
  readonly key: string;
  readonly layer: GroupingLayer;
}

export interface LayeredGroupingOptions {
  readonly grouping?: GroupingMode | undefined;
  readonly question?: string | undefined;
  readonly semantic?: SemanticGroupingOptions | undefined;
}

function shortAnswerOf(atom: GroupingAtom, question: ReadonlySet<string>): ShortAnswer {
  const base = { members: atom.texts.length, firstRank: atom.firstRank };
  const [text = ''] = atom.texts;
  if (atom.key.startsWith('text:')) return { ...base, kind: 'text', words: answerWords(text, question) };
  if (!atom.key.startsWith('number:')) return { ...base, kind: 'quantity', words: [] };
  const numberKey = atom.key.slice('number:'.length);
  // Members share the number, not necessarily its unit ("1000" and "1000 m"): the first that states a unit speaks for the group.
  const stated = atom.texts.map((member) => quantityWords(member, numberKey)).find((words) => words.length > 0);
  return { ...base, kind: 'quantity', words: stated ?? [] };
}

/** Heaviest atom first (most members), then earliest in the stable order: whose key a merged group keeps. */
function leadingAtom(atoms: readonly GroupingAtom[], indexes: readonly number[]): number {
  let lead = indexes[0] ?? 0;
  for (const index of indexes) {
    const atom = atoms[index];
    const current = atoms[lead];
    if (atom === undefined || current === undefined) continue;
    if (atom.texts.length > current.texts.length || (atom.texts.length === current.texts.length && atom.firstRank < current.firstRank)) lead = index;
  }
  return lead;
}

function membersByNumber(assignment: readonly number[]): number[][] {
  const groups: number[][] = [];
  assignment.forEach((group, index) => (groups[group] ??= []).push(index));
  return groups;
}

/**
 * Places every atom in its final group, layer by layer: canonical forms (the atoms), short answers
 * (mergeByContainment), then, when vectors are given, free-text groups whose representative texts
 * cluster by embedding (clusterByEmbedding). A merged group keeps the key of its leading atom, so
 * a consumer of keys sees one of the canonical forms it already knows. The result depends on the
 * atoms' contents and stable ranks only, never on their order.
 */
export function layeredGroups(atoms: readonly GroupingAtom[], options: LayeredGroupingOptions): readonly AtomPlacement[] {
  if (options.grouping === 'canonical') return atoms.map((atom) => ({ key: atom.key, layer: 'canonical' }));
  const question = questionWords(options.question);
  const shortGroups = membersByNumber(mergeByContainment(atoms.map((atom) => shortAnswerOf(atom, question))));
  const layered: { indexes: number[]; layer: GroupingLayer }[] = shortGroups.map((indexes) => ({
    indexes,
    layer: indexes.length > 1 ? 'short_answer' : 'canonical',
  }));

  const semantic = options.semantic;
  const finalGroups = semantic === undefined ? layered : joinBySemantics(atoms, layered, semantic);
  const placements: AtomPlacement[] = atoms.map((atom) => ({ key: atom.key, layer: 'canonical' }));
  for (const group of finalGroups) {
    const lead = atoms[leadingAtom(atoms, group.indexes)];
    for (const index of group.indexes) placements[index] = { key: lead?.key ?? '', layer: group.layer };
  }
  return placements;
}

function joinBySemantics(
  atoms: readonly GroupingAtom[],
  groups: readonly { indexes: number[]; layer: GroupingLayer }[],
  semantic: SemanticGroupingOptions,
): { indexes: number[]; layer: GroupingLayer }[] {
  const firstRank = (indexes: readonly number[]): number => Math.min(...indexes.map((index) => atoms[index]?.firstRank ?? Infinity));
  const isText = (indexes: readonly number[]): boolean => indexes.every((index) => atoms[index]?.key.startsWith('text:') === true);
  // Stable order in, so the greedy clustering never depends on the input order.
  const textGroups = groups.filter((group) => isText(group.indexes)).sort((a, b) => firstRank(a.indexes) - firstRank(b.indexes));
  const others = groups.filter((group) => !isText(group.indexes));
  const texts = textGroups.map((group) => atoms[leadingAtom(atoms, group.indexes)]?.texts[0] ?? '');
  const clusters = membersByNumber(clusterByEmbedding(texts, semantic));
  const joined = clusters.map((members) => {
    const parts = members.map((member) => textGroups[member]).filter((group) => group !== undefined);
    const single = parts.length === 1 ? parts[0] : undefined;
    return single ?? { indexes: parts.flatMap((part) => part.indexes), layer: 'semantic' as const };
  });
  return [...others, ...joined];
}
