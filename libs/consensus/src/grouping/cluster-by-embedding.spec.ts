import { clusterByEmbedding } from './cluster-by-embedding';

const vectors = new Map<string, readonly number[]>([
  ['Paris', [1, 0, 0]],
  ['It is Paris.', [0.95, 0.05, 0]],
  ['Lyon', [0, 1, 0]],
  ['bad', [Number.NaN, 1, 0]],
  ['short', [1, 0]],
]);

describe('clusterByEmbedding', () => {
  it('joins texts at or above the threshold and keeps others apart', () => {
    expect(clusterByEmbedding(['Paris', 'Lyon', 'It is Paris.'], { vectors, threshold: 0.9 })).toEqual([0, 1, 0]);
  });

  it('keeps texts apart below the threshold', () => {
    expect(clusterByEmbedding(['Paris', 'It is Paris.'], { vectors, threshold: 0.9999 })).toEqual([0, 1]);
  });

  it('never merges a text without a usable vector', () => {
    expect(clusterByEmbedding(['Paris', 'missing', 'bad', 'short'], { vectors, threshold: 0.1 })).toEqual([0, 1, 2, 3]);
  });

  it('links completely: a chain of near neighbours does not merge its two ends', () => {
    const chain = new Map<string, readonly number[]>([
      ['a', [1, 0]],
      ['b', [Math.cos(0.3), Math.sin(0.3)]],
      ['c', [Math.cos(0.6), Math.sin(0.6)]],
    ]);
    // a~b and b~c are above cos(0.35); a~c is not, so c cannot join a's cluster.
    expect(clusterByEmbedding(['a', 'b', 'c'], { vectors: chain, threshold: Math.cos(0.35) })).toEqual([0, 0, 1]);
  });
});
