import type { Candidate } from './candidate/candidate';
import { decide } from './decide';
import { ConsensusError } from './errors/consensus-error';
import * as api from './index';
import type { ConsensusOptions } from './options/consensus-options';
import { STRATEGY_NAMES, isStrategyName, type StrategyName } from './strategies/strategy-name';
import { candidate, fromSource, portable, shuffled } from './testing/candidate-fixture';

const MIXED: readonly Candidate[] = [
  ...fromSource('node-a', ['The answer is 12.', '12', 'I hope this helps! '.repeat(6)]),
  ...fromSource('node-b', ['It is 13', '']),
  candidate({ text: 'Twelve, so 12', source: 'local', sequence: 0, latencyMs: 40, score: -0.2 }),
  candidate({ text: '13.', source: 'local', sequence: 1, latencyMs: 20, score: -0.1, finishReason: 'length' }),
];

/** Nested one level past COST_BOUNDS.schema.maxDepth. */
const DEEP_SCHEMA: Record<string, unknown> = JSON.parse(`${'{"not":'.repeat(33)}{}${'}'.repeat(33)}`) as Record<string, unknown>;

describe('decide', () => {
  it.each(STRATEGY_NAMES)('dispatches %s', (strategy) => {
    const verdict = decide(MIXED, { strategy });
    expect(verdict.requestedStrategy).toBe(strategy);
    expect(verdict.winner?.candidate.text).toMatch(/12/);
    expect(verdict.ranking).toHaveLength(MIXED.length);
    expect(verdict.dropped.map((entry) => entry.reason).sort()).toEqual(['empty', 'looping', 'truncated']);
  });

  it.each(STRATEGY_NAMES)('%s: same verdict for every input order', (strategy) => {
    const options: ConsensusOptions = { strategy, sourceWeights: { 'node-a': 2 } };
    const reference = portable(decide(MIXED, options), MIXED);
    for (const seed of [11, 22, 33, 44, 55]) {
      const reordered = shuffled(MIXED, seed);
      expect(portable(decide(reordered, options), reordered)).toEqual(reference);
    }
  });

  it('does not mutate its input', () => {
    const input = [...MIXED];
    decide(input, { strategy: 'majority' });
    expect(input).toEqual(MIXED);
  });

  describe('programmer errors', () => {
    const cases: readonly (readonly [string, string, readonly Candidate[], ConsensusOptions])[] = [
      ['unknown strategy', 'CONSENSUS_ERR_UNKNOWN_STRATEGY', MIXED, { strategy: 'vibes' as StrategyName }],
      ['negative source weight', 'CONSENSUS_ERR_INVALID_WEIGHT', MIXED, { strategy: 'weighted_vote', sourceWeights: { a: -1 } }],
      ['NaN model weight', 'CONSENSUS_ERR_INVALID_WEIGHT', MIXED, { strategy: 'majority', modelWeights: { m: Number.NaN } }],
      [
        'malformed schema',
        'CONSENSUS_ERR_INVALID_SCHEMA',
        MIXED,
        { strategy: 'majority', json: { schema: { type: 'text' } } },
      ],
      ['schema too deep', 'CONSENSUS_ERR_INVALID_SCHEMA', MIXED, { strategy: 'majority', json: { schema: DEEP_SCHEMA } }],
      [
        'malformed tool parameters',
        'CONSENSUS_ERR_INVALID_SCHEMA',
        MIXED,
        { strategy: 'first_valid', tools: [{ name: 'f', parameters: { required: 'a' } }] },
      ],
      ['tool without a name', 'CONSENSUS_ERR_INVALID_TOOL', MIXED, { strategy: 'majority', tools: [{ name: '' }] }],
      ['tool listed twice', 'CONSENSUS_ERR_INVALID_TOOL', MIXED, { strategy: 'majority', tools: [{ name: 'f' }, { name: 'f' }] }],
      [
        'tool calls that are not { name, arguments } strings',
        'CONSENSUS_ERR_INVALID_CANDIDATE',
        [candidate({ text: '', toolCalls: [{ name: 'f', arguments: {} as unknown as string }] })],
        { strategy: 'majority' },
      ],
      [
        'non-finite latency',
        'CONSENSUS_ERR_INVALID_CANDIDATE',
        [candidate({ text: 'x', latencyMs: Number.POSITIVE_INFINITY })],
        { strategy: 'majority' },
      ],
      ['NaN score', 'CONSENSUS_ERR_INVALID_CANDIDATE', [candidate({ text: 'x', score: Number.NaN })], { strategy: 'best_of_n' }],
      [
        'model hash that is not a string',
        'CONSENSUS_ERR_INVALID_CANDIDATE',
        [candidate({ text: 'x', modelHash: 42 as unknown as string })],
        { strategy: 'best_of_n' },
      ],
      [
        'unknown finish reason',
        'CONSENSUS_ERR_INVALID_CANDIDATE',
        [candidate({ text: 'x', finishReason: 'done' as Candidate['finishReason'] })],
        { strategy: 'first_valid' },
      ],
    ];

    it.each(cases)('%s throws %s', (_name, code, input, options) => {
      let caught: unknown;
      try {
        decide(input, options);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConsensusError);
      expect((caught as ConsensusError).code).toBe(code);
    });
  });
});

describe('strategy names', () => {
  it('lists the strategies and narrows unknown values', () => {
    expect([...STRATEGY_NAMES]).toEqual(['majority', 'weighted_vote', 'best_of_n', 'first_valid', 'judge', 'judge_merge']);
    expect(isStrategyName('best_of_n')).toBe(true);
    expect(isStrategyName('best-of-n')).toBe(false);
    expect(isStrategyName(undefined)).toBe(false);
    expect(Object.isFrozen(STRATEGY_NAMES)).toBe(true);
  });
});

describe('public API', () => {
  it('exports exactly the documented values', () => {
    expect(Object.keys(api).sort()).toEqual([
      'CONSENSUS_ERROR_MESSAGES',
      'ConsensusError',
      'DEFAULT_LEARNED_WEIGHTS_OPTIONS',
      'DOMINANT_SOURCE_MARGIN',
      'DROP_REASONS_LEAST_BAD_FIRST',
      'GROUPING_LAYERS',
      'GROUPING_MODES',
      'JUDGE_ANSWER_PREFIX',
      'JUDGE_LIMITS',
      'LearnedWeights',
      'ONE_GROUP_NOTE',
      'STRATEGY_NAMES',
      'STRATEGY_TRAITS',
      'UNPARSEABLE_NOTE',
      'applyJudgeReply',
      'canonicalForm',
      'compareStable',
      'decide',
      'detectLooping',
      'findJsonSchemaProblem',
      'isGroupingMode',
      'isStrategyName',
      'isValidJsonSchema',
      'judgePrompt',
      'learnedWeightsAgreement',
      'parseJudgeChoice',
      'planJudge',
      'stableStringify',
      'strategyTraits',
      'validateCandidate',
    ]);
  });
});
