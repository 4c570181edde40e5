import type { ArithmeticTask, EvalTask, FactualTask } from '../tasks/eval-task';
import { finalNumber } from './final-number';
import { firstSentence } from './first-sentence';
import { containsPhrase, normaliseAnswer } from './normalise-answer';

/** Factual: some alias, normalised, occurs as whole words in the answer's first sentence. */
function scoreFactual(task: FactualTask, text: string): boolean {
  const answer = normaliseAnswer(firstSentence(text));
  return task.answers.some((alias) => containsPhrase(answer, normaliseAnswer(alias)));
}

/** Arithmetic: the final number (see finalNumber) equals the exact answer. */
function scoreArithmetic(task: ArithmeticTask, text: string): boolean {
  const number = finalNumber(text);
  return number !== undefined && Math.abs(number - task.answer) < 1e-9;
}

/**
 * Is `text` a right answer to `task`? The rules, deliberately simple so anyone can check a score
 * by eye:
 * - factual: the first non-empty line, cut after its first sentence, normalised (case, accents,
 *   punctuation, articles, whitespace; see normaliseAnswer) must contain one of the task's aliases,
 *   normalised the same way, as a whole word or phrase. "The capital of France is Paris." counts;
 *   "Parisian" does not; "Lyon. Paris is bigger." does not (Paris is not in the first sentence).
 * - arithmetic: the number after the last "Answer:" marker, else the last number in the text,
 *   must equal the answer ("Answer: 1,204" = 1204; "12.0" = 12).
 */
export function scoreAnswer(task: EvalTask, text: string): boolean {
  return task.family === 'factual' ? scoreFactual(task, text) : scoreArithmetic(task, text);
}
