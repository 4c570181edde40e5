import { readAnswerSources } from './answer-sources';

describe('readAnswerSources', () => {
  it('splits the sources that answered from those that failed', () => {
    const body = {
      choices: [{ text: '8, 9' }],
      consensus: {
        sources: [
          { id: 'bench-a', ok: true, candidates: 1, error: null },
          { id: 'bench-b', ok: false, candidates: 0, error: 'peer_unreachable' },
        ],
        candidates: [{ source: 'bench-a', finish_reason: 'length' }, { source: 'bench-a' }],
      },
    };
    expect(readAnswerSources(body)).toEqual({ answeredBy: ['bench-a'], failed: ['bench-b'], finishReasons: ['length', 'unknown'] });
  });
  it.each([[null], [{ choices: [] }], [{ consensus: { sources: 'x' } }]])('is null without a consensus block: %j', (body) => {
    expect(readAnswerSources(body)).toBeNull();
  });
});
