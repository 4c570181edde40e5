import { peerPresence, readPeerList } from './peer-list';

describe('readPeerList', () => {
  it('reads node ids, statuses and sources', () => {
    const body = [
      { node_id: 'bench-b', name: 'local-swarm vm 17616', address: '10.77.1.2', port: 17616, source: 'mdns', status: 'healthy', failures: 0 },
      { node_id: 'x', status: 'unhealthy' },
    ];
    expect(readPeerList(body)).toEqual([
      { nodeId: 'bench-b', status: 'healthy', source: 'mdns' },
      { nodeId: 'x', status: 'unhealthy', source: 'unknown' },
    ]);
  });
  it.each([[null], [{}], ['[]'], [[null, 3, { status: 'healthy' }]]])('finds no rows in %j', (body) => {
    expect(readPeerList(body)).toEqual([]);
  });
});

describe('peerPresence', () => {
  const rows = readPeerList([
    { node_id: 'a', status: 'healthy' },
    { node_id: 'b', status: 'expired' },
    { node_id: 'c', status: 'confused' },
  ]);
  it.each([
    ['a', 'healthy'],
    ['b', 'expired'],
    ['c', 'other'],
    ['d', 'absent'],
  ])('%s is %s', (id, presence) => {
    expect(peerPresence(rows, id)).toBe(presence);
  });
});
