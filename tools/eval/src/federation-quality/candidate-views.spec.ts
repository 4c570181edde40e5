import { buildViews, modelMismatches, viewCandidates } from './candidate-views';
import { candidateOf, GEMMA, NODES, nineCandidates } from './testing/fixtures';

describe('buildViews', () => {
  it('gives one node, each model that is neither one node nor everyone, and the federation', () => {
    const views = buildViews(NODES);
    expect(views.map((view) => [view.id, view.sources, view.nodes])).toEqual([
      ['one-node', ['fq-a'], 1],
      ['model:SmolLM2-135M-Instruct.Q4_1', ['fq-a', 'fq-b'], 2],
      [`model:${GEMMA}`, ['fq-c'], 1],
      ['federation', ['fq-a', 'fq-b', 'fq-c'], 3],
    ]);
    expect(views[1]?.label).toBe('SmolLM2-135M only (A+B)');
  });

  it('leaves out model views that repeat another view', () => {
    const sameModel = NODES.map((node) => ({ ...node, model: 'm' }));
    expect(buildViews(sameModel).map((view) => view.id)).toEqual(['one-node', 'federation']);
    const askedAlone = [NODES[0], NODES[2]].flatMap((node) => (node === undefined ? [] : [node]));
    expect(buildViews(askedAlone).map((view) => view.id)).toEqual(['one-node', `model:${GEMMA}`, 'federation']);
  });

  it('needs the asked node', () => {
    expect(() => buildViews([])).toThrow(RangeError);
  });
});

describe('viewCandidates', () => {
  it('splits the same candidates by source, keeping their order', () => {
    const candidates = nineCandidates([
      ['a0', 'a1', 'a2'],
      ['b0', 'b1', 'b2'],
      ['c0', 'c1', 'c2'],
    ]);
    const [one, smol, gemma, all] = buildViews(NODES);
    if (one === undefined || smol === undefined || gemma === undefined || all === undefined) throw new Error('four views expected');
    expect(viewCandidates(candidates, one).map((candidate) => candidate.text)).toEqual(['a0', 'a1', 'a2']);
    expect(viewCandidates(candidates, smol).map((candidate) => candidate.text)).toEqual(['a0', 'a1', 'a2', 'b0', 'b1', 'b2']);
    expect(viewCandidates(candidates, gemma).map((candidate) => candidate.text)).toEqual(['c0', 'c1', 'c2']);
    expect(viewCandidates(candidates, all)).toHaveLength(9);
  });
});

describe('modelMismatches', () => {
  it('names candidates whose model is not their node, and those of unknown nodes', () => {
    const candidates = [candidateOf('fq-a', 0, 'x'), candidateOf('fq-c', 0, 'y', { model: 'other' }), candidateOf('fq-z', 0, 'z')];
    expect(modelMismatches(candidates, NODES)).toEqual(['fq-c:other', 'fq-z:unknown']);
  });
});
