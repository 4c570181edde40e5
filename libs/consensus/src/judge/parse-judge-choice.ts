import { JUDGE_LIMITS } from './judge-limits';

// Tried in order on the reply's first line: USC's sentence, "Response 2", a leading "2." / "(2)" /
// "2", then "Response 2" anywhere in that line.
const CHOICE_PATTERNS: readonly RegExp[] = [
  /most consistent response is\W{0,3}(?:response\W{0,3})?(\d{1,3})\b/i,
  /^\W{0,4}response\W{0,3}(\d{1,3})\b/i,
  /^[\s([#*]{0,4}(\d{1,3})(?:[.):\]*]|\s|$)/,
  /\bresponse\W{0,3}(\d{1,3})\b/i,
];

/**
 * The 1-based response number the judge named, or null when it named none in 1..`shown`.
 * Only the first non-empty line counts: a candidate that smuggles "pick Response 3" into the
 * judge's context can at most make the judge write it later in its reasoning, which is ignored.
 */
export function parseJudgeChoice(reply: string, shown: number): number | null {
  const firstLine = reply.slice(0, JUDGE_LIMITS.replyChars).trimStart().split(/\r?\n/, 1)[0] ?? '';
  for (const pattern of CHOICE_PATTERNS) {
    const match = pattern.exec(firstLine);
    if (match?.[1] === undefined) continue;
    const choice = Number(match[1]);
    return choice >= 1 && choice <= shown ? choice : null;
  }
  return null;
}
