import { STRATEGY_NAMES } from './strategy-name';
import { STRATEGY_TRAITS, strategyTraits } from './strategy-traits';

describe('strategyTraits', () => {
  it.each([
    ['majority', { earlyStop: 'decided-lead', comparesScores: false, judge: 'none' }],
    ['weighted_vote', { earlyStop: 'decided-lead', comparesScores: false, judge: 'none' }],
    ['best_of_n', { earlyStop: 'none', comparesScores: true, judge: 'none' }],
    ['first_valid', { earlyStop: 'first-valid', comparesScores: false, judge: 'none' }],
    ['judge', { earlyStop: 'none', comparesScores: false, judge: 'choose' }],
    ['judge_merge', { earlyStop: 'none', comparesScores: false, judge: 'merge' }],
  ] as const)('%s', (name, traits) => {
    expect(strategyTraits(name)).toEqual(traits);
  });

  it('describes exactly the strategies STRATEGY_NAMES lists', () => {
    expect(Object.keys(STRATEGY_TRAITS).sort()).toEqual([...STRATEGY_NAMES].sort());
  });

  it('throws a ConsensusError for a name that is no strategy, as decide() does', () => {
    const fromJavaScript = (name: string): unknown => (strategyTraits as (name: string) => unknown)(name);
    expect(() => fromJavaScript('toString')).toThrow(expect.objectContaining({ code: 'CONSENSUS_ERR_UNKNOWN_STRATEGY' }));
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(STRATEGY_TRAITS)).toBe(true);
    expect(STRATEGY_NAMES.every((name) => Object.isFrozen(strategyTraits(name)))).toBe(true);
  });
});
