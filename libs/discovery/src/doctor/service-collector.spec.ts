import { a, ptr, service, srv, txt } from '../testing/records';
import { ServiceCollector } from './service-collector';

describe('ServiceCollector', () => {
  it('assembles a service from its PTR, SRV, TXT and A records, keeping the TXT as heard', () => {
    const collector = new ServiceCollector();
    collector.ingest(service('Box', 'node-b', '10.0.0.7', { key_id: 'k1' }), '10.0.0.7');
    const [seen] = collector.services();
    expect(seen).toMatchObject({ instanceName: 'Box', port: 17615, host: 'box.local', addresses: ['10.0.0.7'], sourceAddress: '10.0.0.7' });
    expect(seen?.txt?.map(String)).toContain('key_id=k1');
  });

  it('keeps a service whose TXT would be rejected (missing node_id)', () => {
    const collector = new ServiceCollector();
    collector.ingest([ptr('Bad'), txt('Bad', { api_port: '1' })], '10.0.0.9');
    expect(collector.services()).toHaveLength(1);
  });

  it('asks for what is missing: SRV and TXT of a name heard, A of a target heard', () => {
    const collector = new ServiceCollector();
    collector.ingest([ptr('Half')], '10.0.0.3');
    expect(collector.questions()).toEqual([
      { name: '_local-swarm._tcp.local', type: 'PTR' },
      { name: 'half._local-swarm._tcp.local', type: 'SRV' },
      { name: 'half._local-swarm._tcp.local', type: 'TXT' },
    ]);
    collector.ingest([srv('Half', 'half.local'), txt('Half', { node_id: 'h', api_port: '1' })], '10.0.0.3');
    expect(collector.questions()).toEqual([
      { name: '_local-swarm._tcp.local', type: 'PTR' },
      { name: 'half.local', type: 'A' },
    ]);
    collector.ingest([a('half.local', '10.0.0.3')], '10.0.0.3');
    expect(collector.questions()).toHaveLength(1);
  });

  it('drops a service that says goodbye', () => {
    const collector = new ServiceCollector();
    collector.ingest(service('Gone', 'g', '10.0.0.5'), '10.0.0.5');
    collector.ingest([ptr('Gone', 0)], '10.0.0.5');
    expect(collector.services()).toEqual([]);
  });
});
