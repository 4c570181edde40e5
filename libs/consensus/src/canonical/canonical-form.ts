import { COST_BOUNDS, headAndTail } from '../bounds/cost-bounds';
import { extractChoice } from './extract-choice';
import { extractJson } from './extract-json';
import { extractNumber } from './extract-number';
import { extractYesNo } from './extract-yes-no';
import { normaliseText } from './normalise-text';
import { stableStringify } from './stable-stringify';

/** `tool_calls` is the form of a candidate that calls tools (see candidateForm), never of a text. */
export type CanonicalKind = 'number' | 'choice' | 'yes_no' | 'json' | 'text' | 'tool_calls';

export interface CanonicalForm {
  readonly kind: CanonicalKind;
  /** Equal keys of the same kind mean "the same answer". */
  readonly key: string;
}

/**
 * Reduces an answer to what it claims, so differently worded answers can vote together.
 *
 * Precedence, most explicit first: JSON (a structured answer must compare whole, not by its last
 * number), then a choice letter and yes/no (explicit labels; "(B) 42 apples" answers B), then the
 * number (a heuristic that would otherwise swallow the others), then normalised text.
 *
 * Labels, yes/no and numbers are looked for in the opening and the end of a long text only (see
 * COST_BOUNDS.canonical); the free-text key is the whole normalised text, so two long answers
 * that differ anywhere stay apart.
 */
export function canonicalForm(text: string): CanonicalForm {
  const json = extractJson(text);
  if (json !== undefined) return { kind: 'json', key: stableStringify(json) };
  const window = headAndTail(text, COST_BOUNDS.canonical.headChars, COST_BOUNDS.canonical.tailChars, '\n');
  const choice = extractChoice(window);
  if (choice !== undefined) return { kind: 'choice', key: choice };
  const yesNo = extractYesNo(window);
  if (yesNo !== undefined) return { kind: 'yes_no', key: yesNo };
  const number = extractNumber(window);
  if (number !== undefined) return { kind: 'number', key: number };
  return { kind: 'text', key: normaliseText(text) };
}

/** The grouping key: kind-prefixed so the text "b" and the choice B never share a group. */
export function groupKeyOf(form: CanonicalForm): string {
  return `${form.kind}:${form.key}`;
}
