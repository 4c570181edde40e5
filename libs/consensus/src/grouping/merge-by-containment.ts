import { NEGATION_WORDS } from './negation-words';

/** One group's short answer. */
export interface ShortAnswer {
  /** Sorted, unique; empty when the group has no short answer (it then never merges here). */
  readonly words: readonly string[];
  /** Free-text words may be contained in others'; quantities only merge when equal. */
  readonly kind: 'text' | 'quantity';
  /** Members of the group: the larger of two equally close containers wins. */
  readonly members: number;
  /** Its earliest member's place in the stable order: the final tie-break. */
  readonly firstRank: number;
}

interface AnswerClass {
  readonly words: ReadonlySet<string>;
  readonly kind: ShortAnswer['kind'];
  members: number;
  firstRank: number;
  readonly items: number[];
}

function contains(outer: AnswerClass, inner: AnswerClass): boolean {
  if (outer === inner || outer.kind !== 'text' || inner.kind !== 'text' || inner.words.size >= outer.words.size) return false;
  for (const word of inner.words) if (!outer.words.has(word)) return false;
  return true;
}

/**
 * A container absorbs only when everything it contains shares a word: "Paris or Lyon" contains
 * both {paris} and {lyon}, two rival answers, so it joins neither.
 */
function isUnambiguous(container: AnswerClass, classes: readonly AnswerClass[]): boolean {
  let shared: Set<string> | undefined;
  for (const inner of classes) {
    if (!contains(container, inner)) continue;
    const before = shared;
    shared = new Set([...inner.words].filter((word) => before === undefined || before.has(word)));
    if (shared.size === 0) return false;
  }
  return true;
}

function extrasNegate(container: AnswerClass, inner: AnswerClass): boolean {
  for (const word of container.words) if (!inner.words.has(word) && NEGATION_WORDS.has(word)) return true;
  return false;
}

/**
 * Which short answers are one answer, as a class number per input (numbered from 0 by first
 * item). Equal word sets of one kind join; then a free-text set contained in another joins it,
 * unless the container's extra words hold a negation ("not Paris") or the container holds rival
 * answers (see isUnambiguous). Each set joins its closest container (fewest extra words, then
 * most members, then earliest in the stable order), and that container's own container, and so
 * on, so the result never depends on input order. Quadratic in the number of groups.
 */
export function mergeByContainment(answers: readonly ShortAnswer[]): readonly number[] {
  const bySignature = new Map<string, AnswerClass>();
  const classes: AnswerClass[] = [];
  const classOf: AnswerClass[] = answers.map((answer, index) => {
    const signature = answer.words.length === 0 ? `\u0000${index}` : `${answer.kind}\u0000${answer.words.join('\u0001')}`;
    const existing = bySignature.get(signature);
    if (existing !== undefined) {
      existing.members += answer.members;
      existing.firstRank = Math.min(existing.firstRank, answer.firstRank);
      existing.items.push(index);
      return existing;
    }
    const created: AnswerClass = { words: new Set(answer.words), kind: answer.kind, members: answer.members, firstRank: answer.firstRank, items: [index] };
    bySignature.set(signature, created);
    classes.push(created);
    return created;
  });

  const containers = classes.filter((candidate) => candidate.kind === 'text' && isUnambiguous(candidate, classes));
  const parent = new Map<AnswerClass, AnswerClass>();
  for (const inner of classes) {
    if (inner.words.size === 0) continue;
    let best: AnswerClass | undefined;
    for (const outer of containers) {
      if (contains(outer, inner) && !extrasNegate(outer, inner)) best = closer(best, outer);
    }
    if (best !== undefined) parent.set(inner, best);
  }

  const rootOf = (start: AnswerClass): AnswerClass => {
    let current = start;
    for (let next = parent.get(current); next !== undefined; next = parent.get(current)) current = next;
    return current;
  };
  const numbers = new Map<AnswerClass, number>();
  return classOf.map((answerClass) => {
    const root = rootOf(answerClass);
    const known = numbers.get(root);
    if (known !== undefined) return known;
    numbers.set(root, numbers.size);
    return numbers.size - 1;
  });
}

function closer(best: AnswerClass | undefined, outer: AnswerClass): AnswerClass {
  if (best === undefined) return outer;
  const order = outer.words.size - best.words.size || best.members - outer.members || outer.firstRank - best.firstRank;
  return order < 0 ? outer : best;
}
