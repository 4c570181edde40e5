import { normaliseAnswer, containsPhrase } from '../scoring/normalise-answer';
import type { FactualTask } from './eval-task';

/** One entry of tools/eval/data/factual.json, as written there. */
export interface FactualEntry {
  readonly id: string;
  readonly question: string;
  readonly answers: readonly string[];
  readonly topic?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Everything wrong with a factual set, as readable lines (empty when it is fine): entries of the
 * wrong shape, duplicate ids or questions (compared normalised), empty questions or aliases, an
 * alias that normalises to nothing ("A" is an article) or twice to the same text, and an alias
 * that already appears in its own question (echoing the question would score as right).
 */
export function findFactualSetProblems(data: unknown): string[] {
  if (!Array.isArray(data)) return ['the set is not a JSON array'];
  const problems: string[] = [];
  const ids = new Set<string>();
  const questions = new Set<string>();
  data.forEach((entry: unknown, index) => {
    const where = `entry ${index}`;
    if (!isRecord(entry)) {
      problems.push(`${where}: not an object`);
      return;
    }
    const { id, question, answers, topic } = entry;
    if (typeof id !== 'string' || id.trim() === '') problems.push(`${where}: id must be a non-empty string`);
    else if (ids.has(id)) problems.push(`${where}: duplicate id ${id}`);
    else ids.add(id);
    if (topic !== undefined && typeof topic !== 'string') problems.push(`${where}: topic must be a string`);
    if (typeof question !== 'string' || question.trim() === '') {
      problems.push(`${where}: question must be a non-empty string`);
      return;
    }
    const normalisedQuestion = normaliseAnswer(question);
    if (questions.has(normalisedQuestion)) problems.push(`${where}: duplicate question ${JSON.stringify(question)}`);
    questions.add(normalisedQuestion);
    if (!Array.isArray(answers) || answers.length === 0) {
      problems.push(`${where}: answers must be a non-empty array`);
      return;
    }
    const aliases = new Set<string>();
    for (const alias of answers as unknown[]) {
      if (typeof alias !== 'string' || alias.trim() === '') {
        problems.push(`${where}: every answer must be a non-empty string`);
        continue;
      }
      const normalised = normaliseAnswer(alias);
      if (normalised === '') problems.push(`${where}: answer ${JSON.stringify(alias)} normalises to nothing`);
      else if (aliases.has(normalised)) problems.push(`${where}: answer ${JSON.stringify(alias)} repeats another alias`);
      else if (containsPhrase(normalisedQuestion, normalised)) problems.push(`${where}: answer ${JSON.stringify(alias)} appears in the question`);
      aliases.add(normalised);
    }
  });
  return problems;
}

/** The set as tasks; throws (listing every problem) when the data is not a valid set. */
export function parseFactualSet(data: unknown): FactualTask[] {
  const problems = findFactualSetProblems(data);
  if (problems.length > 0) throw new Error(`invalid factual set:\n${problems.join('\n')}`);
  return (data as readonly FactualEntry[]).map((entry) => ({
    family: 'factual',
    id: entry.id,
    question: entry.question,
    answers: entry.answers,
    ...(entry.topic !== undefined ? { topic: entry.topic } : {}),
  }));
}
