import type { ModelCost } from './measure-model-cost';
import { costTable, ratiosOf, sideBySideTable, summaryLines } from './model-cost-report';

const step = (n: number, sampleMs: number) => ({ n, decodeMs: sampleMs / 2, greedyMs: sampleMs * 0.8, decodeAndSampleMs: sampleMs, generatorMs: sampleMs * 1.05 });
const cost = (modelPath: string, nodeMs: readonly [number, number, number]): ModelCost => ({
  modelPath,
  floor: [step(1, 10), step(4, 14), step(8, 22)],
  swarm: [1, 4, 8].map((n, index) => ({ n, batchedMs: 500 * (1 + index), sequentialMs: 500 * n, tokens: Array.from({ length: n }, () => 32) })),
  phases: { n: 4, steps: 32, loopMs: 15, waitMs: 14.9, textMs: 0.05, restMs: 0.05, voteCheckMs: 1, floorMs: 14, overFloor: 0.07 },
  node: [1, 4, 8].map((n, index) => ({ n, ms: nodeMs[index] ?? Number.NaN, completionTokens: n * 32 })),
});

describe('model cost report', () => {
  const q41 = cost('/cache/SmolLM2-135M-Instruct.Q4_1.gguf', [500, 850, 1200]);
  const q40 = cost('/cache/SmolLM2-135M-Instruct.Q4_0.gguf', [400, 500, 700]);

  it('takes every ratio against the same way of measuring at N=1', () => {
    const ratios = ratiosOf(q40);
    expect(ratios.viaNode(4)).toBeCloseTo(1.25);
    expect(ratios.decodeAndSample(8)).toBeCloseTo(2.2);
    expect(ratios.viaNode(3)).toBeNaN();
  });

  it('puts the models side by side, one row each, with the lock step against the floor of the same N', () => {
    const table = sideBySideTable([q41, q40], [1, 4, 8]);
    expect(table.columns).toEqual(['model', 'node N=1 ms', 'node N=4 / N=1', 'floor N=4 / N=1', 'node N=8 / N=1', 'floor N=8 / N=1', 'lock step vs floor']);
    expect(table.rows.map((row) => row[0])).toEqual(['SmolLM2-135M-Instruct.Q4_1.gguf', 'SmolLM2-135M-Instruct.Q4_0.gguf']);
    expect(table.rows[1]).toEqual(['SmolLM2-135M-Instruct.Q4_0.gguf', 400, 1.25, 1.4, 1.75, 2.2, 'N=4: 15.0 vs 14.0 ms (+7 %)']);
  });

  it('says for each model which targets are met and what the engine alone allows', () => {
    const lines = summaryLines([q41, q40], 32);
    expect(lines.filter((line) => line.startsWith('SmolLM2-135M-Instruct.Q4_1.gguf: '))).toHaveLength(4);
    expect(lines.find((line) => line.includes('Target 4') && line.includes('1.70x'))).toContain('not met');
    expect(lines.find((line) => line.includes('Target 4') && line.includes('1.25x'))).toContain('**met**');
    expect(lines.filter((line) => line.includes('within 10 %')).every((line) => line.includes('**met**'))).toBe(true);
    expect(lines.some((line) => line.includes('engine alone') && line.includes('1.40x'))).toBe(true);
    expect(lines.some((line) => line.includes('stopped before'))).toBe(false);
  });

  it('flags candidates that stopped early, since the ratios then compare unequal work', () => {
    const short: ModelCost = { ...q40, node: q40.node.map((point) => (point.n === 8 ? { ...point, completionTokens: 200 } : point)) };
    expect(summaryLines([short], 32).find((line) => line.includes('stopped before 32 tokens'))).toContain('node N=8: 200 of 256 tokens');
  });

  it('has one row per measured N in the model table', () => {
    expect(costTable(q41, 32, 3).rows.map((row) => row[0])).toEqual([1, 4, 8]);
  });
});
