import { phaseTable, targetLines } from './cost-targets';
import type { LoopPhases } from './loop-phases';

const phases = (loopMs: number, floorMs = 40): LoopPhases => ({ n: 4, steps: 32, loopMs, waitMs: loopMs - 2, textMs: 1, restMs: 1, voteCheckMs: 0.05, floorMs, overFloor: loopMs / floorMs - 1 });
const ratios = (four: number, eight: number) => ({ viaNode: (n: number) => (n === 4 ? four : n === 8 ? eight : Number.NaN), batched: () => 1.2 });

describe('targetLines', () => {
  it('says met at or under 1.3x for 4 and 1.6x for 8 candidates, not met above', () => {
    const [four, eight] = targetLines(ratios(1.3, 1.61), phases(40));
    expect(four).toContain('**met**');
    expect(eight).toContain('**not met**');
  });
  it('says the loop is within 10 % of the floor only when its step is at most 1.1x the engine step', () => {
    expect(targetLines(ratios(1, 1), phases(44))[2]).toContain('**met**');
    expect(targetLines(ratios(1, 1), phases(44.5))[2]).toContain('**not met**');
  });
  it('says "not measured" for an N the run left out', () => {
    expect(targetLines(ratios(1.2, Number.NaN), phases(40))[1]).toContain('not measured');
  });
});

describe('phaseTable', () => {
  it('shows each phase as ms per step and share of the loop', () => {
    const table = phaseTable(phases(40, 38), 3);
    expect(table.rows.find((row) => row[0] === 'whole loop')).toEqual(['whole loop', 40, 100]);
    expect(table.rows.find((row) => String(row[0]).startsWith('detokenize'))?.[2]).toBe(2.5);
  });
});
