/**
 * Which rule put a candidate group together, weakest evidence last:
 * - `canonical`: the same canonical form (same number, choice, yes/no, JSON, or normalised text);
 * - `short_answer`: the same answer-bearing words once the question's words, stop words and
 *   filler are removed, or one candidate's answer words contained in another's;
 * - `semantic`: embedding vectors closer than the configured cosine threshold;
 * - `medoid`: nothing grouped any two candidates, so the winner is the one most similar to the rest.
 */
export type GroupingLayer = 'canonical' | 'short_answer' | 'semantic' | 'medoid';

export const GROUPING_LAYERS: readonly GroupingLayer[] = Object.freeze(['canonical', 'short_answer', 'semantic', 'medoid'] as const);
