import { decode, encode, type Answer } from 'dns-packet';
import { instanceNameOf, normalizeRecords } from './normalize-records';

/** Encodes and decodes a response, so the records have exactly multicast-dns's decoded shape. */
function wire(answers: Answer[], additionals: Answer[] = []): unknown {
  return decode(encode({ type: 'response', flags: 0x8400, answers, additionals }));
}

const PTR = '_local-swarm._tcp.local';

describe('normalizeRecords', () => {
  it('reads PTR, SRV, TXT and A from answers and additionals, PTR first and A last', () => {
    const records = normalizeRecords(
      wire(
        [{ name: 'box.local', type: 'A', ttl: 120, flush: true, data: '10.0.0.2' }, { name: PTR, type: 'PTR', ttl: 4500, data: `My Box.${PTR}` }],
        [
          { name: `My Box.${PTR}`, type: 'TXT', ttl: 4500, data: ['node_id=n1', 'api_port=17615'] },
          { name: `My Box.${PTR}`, type: 'SRV', ttl: 120, data: { port: 17615, target: 'Box.local' } },
        ],
      ),
    );
    expect(records.map((r) => r.kind)).toEqual(['PTR', 'SRV', 'TXT', 'A']);
    expect(records[0]).toEqual({ kind: 'PTR', instance: `my box.${PTR}`, instanceName: 'My Box', ttl: 4500 });
    expect(records[1]).toEqual({ kind: 'SRV', instance: `my box.${PTR}`, instanceName: 'My Box', ttl: 120, target: 'box.local', port: 17615 });
    expect(records[2]).toMatchObject({ kind: 'TXT', data: [Buffer.from('node_id=n1'), Buffer.from('api_port=17615')] });
    expect(records[3]).toEqual({ kind: 'A', host: 'box.local', ttl: 120, address: '10.0.0.2', flush: true });
  });

  it('keeps goodbyes (TTL 0)', () => {
    const [record] = normalizeRecords(wire([{ name: PTR, type: 'PTR', ttl: 0, data: `x.${PTR}` }]));
    expect(record).toMatchObject({ kind: 'PTR', ttl: 0 });
  });

  it('skips other services, AAAA, NSEC and malformed records', () => {
    const records = normalizeRecords(
      wire([
        { name: '_http._tcp.local', type: 'PTR', ttl: 4500, data: `x._http._tcp.local` },
        { name: PTR, type: 'PTR', ttl: 4500, data: 'not-an-instance.local' },
        { name: PTR, type: 'PTR', ttl: 4500, data: PTR },
        { name: `x._http._tcp.local`, type: 'SRV', ttl: 120, data: { port: 1, target: 'h.local' } },
        { name: 'h.local', type: 'AAAA', ttl: 120, data: 'fe80::1' },
      ]),
    );
    expect(records).toEqual([]);
  });

  it.each([null, undefined, 42, 'packet', {}, { answers: 'nope' }, { answers: [null, 1, { name: 5 }, { name: PTR, type: 'PTR', ttl: -1, data: `x.${PTR}` }] }])(
    'returns nothing for %j',
    (packet) => {
      expect(normalizeRecords(packet)).toEqual([]);
    },
  );

  it('accepts names with a trailing dot', () => {
    const records = normalizeRecords({ answers: [{ name: `${PTR}.`, type: 'PTR', ttl: 10, data: `x.${PTR}.` }] });
    expect(records).toEqual([{ kind: 'PTR', instance: `x.${PTR}`, instanceName: 'x', ttl: 10 }]);
  });
});

describe('instanceNameOf', () => {
  it.each([
    [`local-swarm on box.${PTR}`, 'local-swarm on box'],
    [`a.b.${PTR}`, 'a.b'],
    [`X._LOCAL-SWARM._TCP.LOCAL`, 'X'],
    [PTR, undefined],
    [`.${PTR}`, undefined],
    ['x._http._tcp.local', undefined],
  ])('%j → %j', (fqdn, name) => {
    expect(instanceNameOf(fqdn)).toBe(name);
  });
});
