import type { Candidate } from '../candidate/candidate';
import { requireSchemaCheck } from '../json/require-schema-check';
import type { ConsensusOptions } from '../options/consensus-options';
import { findToolCallProblem } from '../tools/find-tool-call-problem';
import { detectLooping } from './detect-looping';
import type { DropReason } from './drop-reason';

export type CandidateValidation = { readonly valid: true } | { readonly valid: false; readonly reason: DropReason };

const VALID: CandidateValidation = Object.freeze({ valid: true });

function invalid(reason: DropReason): CandidateValidation {
  return { valid: false, reason };
}

/**
 * Would this candidate be allowed to vote? Pure, cheap enough to call on every completion, so the
 * caller running first_valid can cancel the remaining generations as soon as one passes.
 *
 * Checks, first failure wins: producer error, cancelled, empty (whitespace only and no tool call),
 * looping, truncated (finishReason 'length'), then for a candidate with tool calls the calls (see
 * findToolCallProblem), else in JSON mode: parses with JSON.parse to an object/array (the whole
 * text: no fence stripping, JSON mode means the text itself is JSON), then the schema. JSON mode
 * constrains the text answer, so it does not apply to a candidate that answers with calls.
 * Looping is checked before truncation because loops usually end at max_tokens and "looping" is
 * the more useful (and worse-ranked) reason.
 */
export function validateCandidate(
  candidate: Candidate,
  options: Pick<ConsensusOptions, 'json' | 'tools'>,
): CandidateValidation {
  if (candidate.finishReason === 'error') return invalid('error');
  if (candidate.finishReason === 'cancelled') return invalid('cancelled');
  const calls = candidate.toolCalls ?? [];
  if (calls.length === 0 && candidate.text.trim() === '') return invalid('empty');
  if (detectLooping(candidate.text)) return invalid('looping');
  if (candidate.finishReason === 'length') return invalid('truncated');
  if (calls.length > 0) {
    const problem = findToolCallProblem(calls, options.tools);
    return problem === null ? VALID : invalid(problem);
  }
  if (options.json !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(candidate.text) as unknown;
    } catch {
      return invalid('invalid_json');
    }
    if (typeof parsed !== 'object' || parsed === null) return invalid('invalid_json');
    if (options.json.schema !== undefined && requireSchemaCheck(options.json.schema, 'json.schema')(parsed) !== null) {
      return invalid('schema_mismatch');
    }
  }
  return VALID;
}
