import { MAX_TRACKED_INSTANCES, SERVICE_PTR_NAME } from '../constants';
import type { DiscoveryQuestion, DiscoveryRecord } from '../records/discovery-record';
import type { SeenService } from './seen-service';

interface Entry {
  instanceName: string;
  port: number | null;
  host: string | null;
  txt: readonly Buffer[] | null;
  sourceAddress: string;
}

/**
 * Gathers every `_local-swarm._tcp` instance heard, keeping TXT records as they came, so that a
 * service with a broken TXT is still shown (the peer table drops it). No sockets, no timers.
 */
export class ServiceCollector {
  private readonly instances = new Map<string, Entry>();
  private readonly hosts = new Map<string, Set<string>>();

  ingest(records: readonly DiscoveryRecord[], sourceAddress: string): void {
    for (const record of records) {
      if (record.kind === 'A') {
        const known = this.hosts.get(record.host) ?? new Set<string>();
        known.add(record.address);
        this.hosts.set(record.host, known);
        continue;
      }
      // A goodbye (TTL 0) takes the instance away, as it would from the peer table.
      if (record.ttl === 0 && record.kind !== 'TXT') {
        this.instances.delete(record.instance);
        continue;
      }
      const entry = this.entryFor(record.instance, record.instanceName, sourceAddress);
      if (entry === undefined) continue;
      entry.sourceAddress = sourceAddress;
      if (record.kind === 'SRV') {
        entry.port = record.port;
        entry.host = record.target;
      } else if (record.kind === 'TXT') {
        entry.txt = record.data;
      }
    }
  }

  services(): SeenService[] {
    return [...this.instances.values()].map((entry) => ({
      ...entry,
      addresses: entry.host === null ? [] : [...(this.hosts.get(entry.host) ?? [])],
    }));
  }

  /** The PTR browse, and the SRV, TXT and A questions of what is still missing. */
  questions(): DiscoveryQuestion[] {
    const questions: DiscoveryQuestion[] = [{ name: SERVICE_PTR_NAME, type: 'PTR' }];
    for (const [instance, entry] of this.instances) {
      if (entry.port === null) questions.push({ name: instance, type: 'SRV' });
      if (entry.txt === null) questions.push({ name: instance, type: 'TXT' });
      if (entry.host !== null && !this.hosts.has(entry.host)) questions.push({ name: entry.host, type: 'A' });
    }
    return questions;
  }

  private entryFor(instance: string, instanceName: string, sourceAddress: string): Entry | undefined {
    const existing = this.instances.get(instance);
    if (existing !== undefined) return existing;
    // A flood of fake services must not grow memory without bound.
    if (this.instances.size >= MAX_TRACKED_INSTANCES) return undefined;
    const entry: Entry = { instanceName, port: null, host: null, txt: null, sourceAddress };
    this.instances.set(instance, entry);
    return entry;
  }
}
