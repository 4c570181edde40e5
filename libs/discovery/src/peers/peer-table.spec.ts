import { subnetOf, type Ipv4Subnet } from '../network/local-interface';
import { a, ptr, service, srv, txt } from '../testing/records';
import { PeerTable, type PeerTableEvent, type PeerTableOptions } from './peer-table';

const lan = subnetOf('10.77.1.1', '255.255.255.0') as Ipv4Subnet;

function setup(overrides: Partial<PeerTableOptions> = {}): { table: PeerTable; clock: { now: number } } {
  const clock = { now: 1_000_000 };
  const table = new PeerTable({ selfNodeId: 'self', peerTtlMs: 60_000, subnets: [lan], now: () => clock.now, ...overrides });
  return { table, clock };
}

const types = (events: readonly PeerTableEvent[]): string[] => events.map((e) => e.type);

describe('PeerTable', () => {
  it('reports a peer once PTR, SRV, TXT and A are known', () => {
    const { table, clock } = setup();
    const events = table.ingest(service('Box', 'n1', '10.77.1.2', { model_id: 'qwen', hardware_summary: '8 cores' }));
    expect(events).toEqual([
      {
        type: 'peer-joined',
        peer: {
          nodeId: 'n1',
          name: 'Box',
          address: '10.77.1.2',
          addresses: ['10.77.1.2'],
          port: 17615,
          version: '0.1.0',
          protocol: 1,
          instances: 2,
          modelId: 'qwen',
          hardwareSummary: '8 cores',
          modelSha256: null,
          keyId: null,
          lastSeen: new Date(clock.now),
        },
      },
    ]);
    expect(table.peers().map((p) => p.nodeId)).toEqual(['n1']);
  });

  it('assembles a peer from records spread over several packets, in any order', () => {
    const { table } = setup();
    expect(table.ingest([a('box.local', '10.77.1.2')])).toEqual([]); // host not named by any SRV yet: dropped
    expect(table.ingest([ptr('Box')])).toEqual([]);
    expect(table.ingest([txt('Box', { node_id: 'n1', api_port: '8080' })])).toEqual([]);
    expect(table.ingest([srv('Box', 'box.local')])).toEqual([]);
    const events = table.ingest([a('box.local', '10.77.1.2')]);
    expect(types(events)).toEqual(['peer-joined']);
    expect(table.peers()[0]).toMatchObject({ port: 8080, address: '10.77.1.2' });
  });

  it('never reports our own advertisement', () => {
    const { table } = setup();
    expect(table.ingest(service('Me', 'self', '10.77.1.1'))).toEqual([]);
    expect(table.peers()).toEqual([]);
    expect(table.followUpQuestions()).toEqual([]);
  });

  it('refreshes lastSeen on any answer without reporting an update', () => {
    const { table, clock } = setup();
    table.ingest(service('Box', 'n1', '10.77.1.2'));
    clock.now += 30_000;
    expect(table.ingest([ptr('Box')])).toEqual([]);
    expect(table.peers()[0]?.lastSeen).toEqual(new Date(clock.now));
    clock.now += 10_000;
    table.ingest([a('box.local', '10.77.1.2')]); // its host's A record counts too
    expect(table.peers()[0]?.lastSeen).toEqual(new Date(clock.now));
  });

  it('reports peer-updated when the TXT or address changes', () => {
    const { table } = setup();
    table.ingest(service('Box', 'n1', '10.77.1.2'));
    expect(types(table.ingest([txt('Box', { node_id: 'n1', api_port: '17615', instances: '8' })]))).toEqual(['peer-updated']);
    expect(table.peers()[0]?.instances).toBe(8);
    const moved = table.ingest([a('box.local', '10.77.1.9')]); // cache-flush: replaces the old address
    expect(moved).toEqual([expect.objectContaining({ type: 'peer-updated', peer: expect.objectContaining({ address: '10.77.1.9', addresses: ['10.77.1.9'] }) })]);
  });

  it('collects several A records of one packet and prefers the one on our subnet', () => {
    const { table } = setup();
    const events = table.ingest([ptr('Box'), srv('Box', 'box.local'), txt('Box', { node_id: 'n1', api_port: '1' }), a('box.local', '192.168.5.5'), a('box.local', '10.77.1.2')]);
    expect(events[0]).toMatchObject({ peer: { address: '10.77.1.2', addresses: ['192.168.5.5', '10.77.1.2'] } });
  });

  it('removes a peer at once on a goodbye (PTR or SRV with TTL 0)', () => {
    const { table } = setup();
    table.ingest(service('Box', 'n1', '10.77.1.2'));
    table.ingest(service('Other', 'n2', '10.77.1.3'));
    const events = table.ingest(service('Box', 'n1', '10.77.1.2', {}, 0));
    expect(events).toEqual([{ type: 'peer-left', reason: 'goodbye', peer: expect.objectContaining({ nodeId: 'n1' }) }]);
    expect(table.peers().map((p) => p.nodeId)).toEqual(['n2']);
    expect(types(table.ingest([srv('Other', 'other.local', 0)]))).toEqual(['peer-left']);
    expect(table.ingest([ptr('Unknown', 0)])).toEqual([]);
  });

  it('ignores a lone TXT or A goodbye', () => {
    const { table } = setup();
    table.ingest(service('Box', 'n1', '10.77.1.2'));
    expect(table.ingest([txt('Box', { node_id: 'n1', api_port: '1' }, 0), a('box.local', '10.77.1.2', 0)])).toEqual([]);
    expect(table.peers()).toHaveLength(1);
  });

  it('expires a peer unseen for peerTtlMs, not before', () => {
    const { table, clock } = setup({ peerTtlMs: 3_000 });
    table.ingest(service('Box', 'n1', '10.77.1.2'));
    clock.now += 2_999;
    expect(table.expire()).toEqual([]);
    clock.now += 1;
    expect(table.expire()).toEqual([{ type: 'peer-left', reason: 'expired', peer: expect.objectContaining({ nodeId: 'n1' }) }]);
    expect(table.peers()).toEqual([]);
    expect(table.expire()).toEqual([]);
  });

  it('reports a peer that comes back after expiring as joined again', () => {
    const { table, clock } = setup({ peerTtlMs: 3_000 });
    table.ingest(service('Box', 'n1', '10.77.1.2'));
    clock.now += 5_000;
    table.expire();
    expect(types(table.ingest(service('Box', 'n1', '10.77.1.2')))).toEqual(['peer-joined']);
  });

  it('ignores a malformed TXT, reporting the rejection once', () => {
    const { table } = setup();
    const bad = [ptr('Bad'), srv('Bad', 'bad.local'), txt('Bad', { api_port: '17615' }), a('bad.local', '10.77.1.5')];
    expect(table.ingest(bad)).toEqual([{ type: 'txt-rejected', instanceName: 'Bad', reason: 'missing node_id' }]);
    expect(table.ingest(bad)).toEqual([]);
    expect(table.peers()).toEqual([]);
    expect(table.followUpQuestions()).toEqual([]); // its TXT is known, just bad: nothing to ask
  });

  it('keeps the last good TXT when a peer starts sending a malformed one', () => {
    const { table } = setup();
    table.ingest(service('Box', 'n1', '10.77.1.2'));
    const events = table.ingest([txt('Box', { node_id: 'n1', api_port: '0' })]);
    expect(types(events)).toEqual(['txt-rejected']);
    expect(table.peers()[0]?.port).toBe(17615);
  });

  it('treats a new node id on an instance as the old node leaving and a new one joining', () => {
    const { table } = setup();
    table.ingest(service('Box', 'n1', '10.77.1.2'));
    const events = table.ingest([txt('Box', { node_id: 'n9', api_port: '1' })]);
    expect(events).toEqual([
      expect.objectContaining({ type: 'peer-left', reason: 'goodbye', peer: expect.objectContaining({ nodeId: 'n1' }) }),
      expect.objectContaining({ type: 'peer-joined', peer: expect.objectContaining({ nodeId: 'n9' }) }),
    ]);
  });

  it('keeps the first of two instances with the same node id, until it leaves', () => {
    const { table } = setup();
    table.ingest(service('Box', 'n1', '10.77.1.2'));
    const dup = table.ingest(service('Box copy', 'n1', '10.77.1.3'));
    expect(dup).toEqual([{ type: 'duplicate-node-id', nodeId: 'n1', instanceName: 'Box copy', ownerInstanceName: 'Box' }]);
    expect(table.ingest(service('Box copy', 'n1', '10.77.1.3'))).toEqual([]);
    expect(table.peers()).toHaveLength(1);
    table.ingest([ptr('Box', 0)]);
    expect(types(table.ingest(service('Box copy', 'n1', '10.77.1.3')))).toEqual(['peer-joined']);
  });

  it("gives a node id to the service advertising this swarm's key id over a stranger that claimed it first", () => {
    const ours = '95341bff0acfa7d1';
    const { table } = setup({ ownKeyId: ours });
    table.ingest(service('Stranger', 'n1', '10.77.1.9'));
    const member = table.ingest(service('Member', 'n1', '10.77.1.2', { key_id: ours, protocol: '2' }));
    expect(member).toEqual([{ type: 'peer-updated', peer: expect.objectContaining({ nodeId: 'n1', address: '10.77.1.2', keyId: ours }) }]);
    // The stranger again, or copying no key id: the member keeps the id; its goodbye changes nothing.
    expect(types(table.ingest(service('Stranger', 'n1', '10.77.1.9')))).toEqual(['duplicate-node-id']);
    expect(table.ingest([ptr('Stranger', 0)])).toEqual([]);
    expect(table.peers()).toEqual([expect.objectContaining({ address: '10.77.1.2' })]);
    // Without a key id of its own, the first claim keeps the id (as before).
    const { table: plain } = setup();
    plain.ingest(service('Stranger', 'n1', '10.77.1.9'));
    expect(types(plain.ingest(service('Member', 'n1', '10.77.1.2', { key_id: ours, protocol: '2' })))).toEqual(['duplicate-node-id']);
  });

  it('keeps two instances with the same name apart by their (renamed) names', () => {
    const { table } = setup();
    table.ingest(service('same', 'n1', '10.77.1.2'));
    table.ingest(service('same (2)', 'n2', '10.77.1.3'));
    expect(table.peers().map((p) => [p.name, p.nodeId])).toEqual([
      ['same', 'n1'],
      ['same (2)', 'n2'],
    ]);
  });

  describe('follow-up questions', () => {
    it('asks for SRV and TXT of an instance known only by its PTR, then for the A of its host', () => {
      const { table, clock } = setup();
      table.ingest([ptr('Box')]);
      expect(table.followUpQuestions()).toEqual([
        { name: 'Box._local-swarm._tcp.local', type: 'SRV' },
        { name: 'Box._local-swarm._tcp.local', type: 'TXT' },
      ]);
      expect(table.followUpQuestions()).toEqual([]); // throttled
      clock.now += 1_000;
      table.ingest([srv('Box', 'box.local'), txt('Box', { node_id: 'n1', api_port: '1' })]);
      expect(table.followUpQuestions()).toEqual([{ name: 'box.local', type: 'A' }]);
      table.ingest([a('box.local', '10.77.1.2')]);
      clock.now += 1_000;
      expect(table.followUpQuestions()).toEqual([]);
    });

    it('asks only for what is missing', () => {
      const { table } = setup();
      table.ingest([ptr('Box'), txt('Box', { node_id: 'n1', api_port: '1' })]);
      expect(table.followUpQuestions()).toEqual([{ name: 'Box._local-swarm._tcp.local', type: 'SRV' }]);
    });
  });

  it('tracks at most maxInstances instances', () => {
    const { table, clock } = setup({ maxInstances: 2, peerTtlMs: 1_000 });
    table.ingest(service('A', 'n1', '10.77.1.2'));
    table.ingest(service('B', 'n2', '10.77.1.3'));
    expect(table.ingest(service('C', 'n3', '10.77.1.4'))).toEqual([]);
    clock.now += 1_000;
    table.expire();
    expect(types(table.ingest(service('C', 'n3', '10.77.1.4')))).toEqual(['peer-joined']);
  });

  it('clear() forgets everything silently', () => {
    const { table } = setup();
    table.ingest(service('Box', 'n1', '10.77.1.2'));
    table.clear();
    expect(table.peers()).toEqual([]);
  });
});
