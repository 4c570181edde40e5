import { readHealthNodeId } from './health-node-id';

describe('readHealthNodeId', () => {
  it('reads the node id a paired node derives from its key', () => {
    expect(readHealthNodeId({ status: 'ok', node_id: 'ls-abcdefghijklmnopqrstuvwxyz', load: {} })).toBe('ls-abcdefghijklmnopqrstuvwxyz');
  });
  it.each([[null], [[]], [{}], [{ node_id: '' }], [{ node_id: 7 }]])('is null for %j', (body) => {
    expect(readHealthNodeId(body)).toBeNull();
  });
});
