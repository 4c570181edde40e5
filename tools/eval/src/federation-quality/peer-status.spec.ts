import { allHealthy, readPeerStatuses } from './peer-status';

describe('peer status', () => {
  const list = [
    { node_id: 'fq-b', status: 'healthy', model_id: 'smol' },
    { node_id: 'fq-c', status: 'unhealthy' },
    { status: 'healthy' },
    'garbage',
  ];

  it('reads the rows it understands', () => {
    expect(readPeerStatuses(list)).toEqual([
      { nodeId: 'fq-b', status: 'healthy', modelId: 'smol' },
      { nodeId: 'fq-c', status: 'unhealthy', modelId: null },
    ]);
    expect(readPeerStatuses({ error: 'x' })).toEqual([]);
  });

  it('is all healthy only when every node asked for is listed healthy', () => {
    const rows = readPeerStatuses(list);
    expect(allHealthy(rows, ['fq-b'])).toBe(true);
    expect(allHealthy(rows, ['fq-b', 'fq-c'])).toBe(false);
    expect(allHealthy(rows, ['fq-d'])).toBe(false);
  });
});
