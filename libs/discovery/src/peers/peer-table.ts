import { FOLLOW_UP_INTERVAL_MS, MAX_TRACKED_INSTANCES, SERVICE_PTR_NAME } from '../constants';
import type { Ipv4Subnet } from '../network/local-interface';
import type { DiscoveryQuestion, DiscoveryRecord } from '../records/discovery-record';
import { parsePeerTxt, type PeerTxtFields, type PeerTxtRejection } from '../txt/parse-peer-txt';
import { choosePeerAddress } from './choose-peer-address';
import type { PeerInfo, PeerLeftReason } from './peer-info';

export interface PeerTableOptions {
  /** Our own node id: instances advertising it are never reported. */
  readonly selfNodeId: string;
  /** A peer unseen this long is dropped by expire(). */
  readonly peerTtlMs: number;
  /** Subnets of the bound interface: a peer address inside one is preferred. */
  readonly subnets: readonly Ipv4Subnet[];
  /** The clock (ms since the epoch); injected so the table is tested without timers. */
  readonly now: () => number;
  /** A missing record of one name is asked again at most this often. Default 1000. */
  readonly followUpIntervalMs?: number;
  /** Instances tracked at once; more are ignored until some expire. Default 1024. */
  readonly maxInstances?: number;
  /** This swarm's key id: a service advertising it takes a node id over from one that does not. */
  readonly ownKeyId?: string | null;
}

/** What changed; the service turns the first three into its events and logs the others. */
export type PeerTableEvent =
  | { readonly type: 'peer-joined'; readonly peer: PeerInfo }
  | { readonly type: 'peer-updated'; readonly peer: PeerInfo }
  | { readonly type: 'peer-left'; readonly peer: PeerInfo; readonly reason: PeerLeftReason }
  | { readonly type: 'txt-rejected'; readonly instanceName: string; readonly reason: PeerTxtRejection }
  | {
      readonly type: 'duplicate-node-id';
      readonly nodeId: string;
      readonly instanceName: string;
      readonly ownerInstanceName: string;
    };

/** One advertised service instance, as assembled from its PTR, SRV, TXT and A records. */
interface InstanceEntry {
  readonly instance: string;
  instanceName: string;
  target?: string;
  txt?: PeerTxtFields;
  txtRejection?: PeerTxtRejection;
  lastSeen: number;
  /** What was last reported for it (peer-joined / peer-updated); undefined while not reported. */
  announced?: PeerInfo;
  duplicateReported: boolean;
  lastServiceFollowUp: number;
  lastHostFollowUp: number;
}

interface HostEntry {
  addresses: string[];
  lastSeen: number;
}

const SERVICE_SUFFIX = `.${SERVICE_PTR_NAME}`;

function samePeer(a: PeerInfo, b: PeerInfo): boolean {
  return (
    a.nodeId === b.nodeId &&
    a.name === b.name &&
    a.address === b.address &&
    a.port === b.port &&
    a.version === b.version &&
    a.protocol === b.protocol &&
    a.instances === b.instances &&
    a.modelId === b.modelId &&
    a.hardwareSummary === b.hardwareSummary &&
    a.modelSha256 === b.modelSha256 &&
    a.keyId === b.keyId &&
    a.addresses.length === b.addresses.length &&
    a.addresses.every((address, index) => b.addresses[index] === address)
  );
}

/**
 * The peers seen on the LAN, assembled from mDNS records. Pure apart from the injected clock: no
 * sockets, no timers; ingest() and expire() return what changed.
 *
 * Rules: an instance becomes a peer once its TXT parses (node_id, api_port), its SRV names a host
 * and that host has an IPv4 A record. Any record about the instance (its PTR, SRV, TXT, or its
 * host's A) refreshes lastSeen. A PTR or SRV with TTL 0 (a goodbye, RFC 6762 §10.1) removes it at
 * once; an instance unseen for peerTtlMs is removed by expire(). Our own node id is never reported.
 * Two instances with one node id: the first stays the peer, the other is ignored until it leaves.
 * A malformed TXT is ignored (the last good one, if any, stays).
 */
export class PeerTable {
  private readonly instances = new Map<string, InstanceEntry>();
  private readonly hosts = new Map<string, HostEntry>();
  /** node id → the instance reported as that peer. */
  private readonly owners = new Map<string, string>();
  private readonly followUpIntervalMs: number;
  private readonly maxInstances: number;

  constructor(private readonly options: PeerTableOptions) {
    this.followUpIntervalMs = options.followUpIntervalMs ?? FOLLOW_UP_INTERVAL_MS;
    this.maxInstances = options.maxInstances ?? MAX_TRACKED_INSTANCES;
  }

  /** Applies the records of one mDNS response; returns what changed. */
  ingest(records: readonly DiscoveryRecord[]): PeerTableEvent[] {
    const now = this.options.now();
    const events: PeerTableEvent[] = [];
    const touched = new Set<InstanceEntry>();
    const flushedHosts = new Set<string>();

    for (const record of records) {
      if (record.kind === 'A') {
        this.ingestAddress(record, now, flushedHosts, touched);
        continue;
      }
      if (record.ttl === 0) {
        // TXT goodbyes come with the PTR/SRV ones; alone they would only retract a TXT value.
        if (record.kind !== 'TXT') this.goodbye(record.instance, events, touched);
        continue;
      }
      const entry = this.ensure(record.instance, record.instanceName, now);
      if (entry === undefined) continue;
      entry.instanceName = record.instanceName;
      if (record.kind === 'SRV') entry.target = record.target;
      if (record.kind === 'TXT') this.ingestTxt(entry, record.data, events);
      entry.lastSeen = now;
      touched.add(entry);
    }

    for (const entry of touched) this.reconcile(entry, events);
    return events;
  }

  /** Removes instances unseen for peerTtlMs (and hosts no longer heard of); returns the peers that left. */
  expire(): PeerTableEvent[] {
    const now = this.options.now();
    const events: PeerTableEvent[] = [];
    for (const entry of [...this.instances.values()]) {
      if (now - entry.lastSeen < this.options.peerTtlMs) continue;
      this.instances.delete(entry.instance);
      this.release(entry, 'expired', events);
    }
    for (const [host, hostEntry] of [...this.hosts]) {
      if (now - hostEntry.lastSeen >= this.options.peerTtlMs) this.hosts.delete(host);
    }
    return events;
  }

  /**
   * Questions for records still missing (an instance without SRV or TXT, a host without an A
   * record), each name at most once per followUpIntervalMs.
   */
  followUpQuestions(): DiscoveryQuestion[] {
    const now = this.options.now();
    const questions: DiscoveryQuestion[] = [];
    const asked = new Set<string>();
    const ask = (name: string, type: DiscoveryQuestion['type']): void => {
      const key = `${type} ${name.toLowerCase()}`;
      if (asked.has(key)) return;
      asked.add(key);
      questions.push({ name, type });
    };
    for (const entry of this.instances.values()) {
      if (entry.txt?.nodeId === this.options.selfNodeId) continue;
      const needsService = entry.target === undefined || (entry.txt === undefined && entry.txtRejection === undefined);
      if (needsService) {
        if (now - entry.lastServiceFollowUp < this.followUpIntervalMs) continue;
        entry.lastServiceFollowUp = now;
        const fqdn = `${entry.instanceName}${SERVICE_SUFFIX}`;
        if (entry.target === undefined) ask(fqdn, 'SRV');
        if (entry.txt === undefined) ask(fqdn, 'TXT');
      } else if (entry.target !== undefined && (this.hosts.get(entry.target)?.addresses.length ?? 0) === 0) {
        if (now - entry.lastHostFollowUp < this.followUpIntervalMs) continue;
        entry.lastHostFollowUp = now;
        ask(entry.target, 'A');
      }
    }
    return questions;
  }

  /** The current peers (never ourselves), lastSeen up to date. */
  peers(): PeerInfo[] {
    const peers: PeerInfo[] = [];
    for (const [, instance] of this.owners) {
      const entry = this.instances.get(instance);
      if (entry?.announced !== undefined) peers.push({ ...entry.announced, lastSeen: new Date(entry.lastSeen) });
    }
    return peers;
  }

  /** Forgets everything without reporting anything (the service stops). */
  clear(): void {
    this.instances.clear();
    this.hosts.clear();
    this.owners.clear();
  }

  private ensure(instance: string, instanceName: string, now: number): InstanceEntry | undefined {
    const existing = this.instances.get(instance);
    if (existing !== undefined) return existing;
    if (this.instances.size >= this.maxInstances) return undefined;
    const entry: InstanceEntry = {
      instance,
      instanceName,
      lastSeen: now,
      duplicateReported: false,
      lastServiceFollowUp: Number.NEGATIVE_INFINITY,
      lastHostFollowUp: Number.NEGATIVE_INFINITY,
    };
    this.instances.set(instance, entry);
    return entry;
  }

  private ingestTxt(entry: InstanceEntry, data: readonly Buffer[], events: PeerTableEvent[]): void {
    const parsed = parsePeerTxt(data);
    if (parsed.ok) {
      entry.txt = parsed.fields;
      delete entry.txtRejection;
      return;
    }
    if (entry.txtRejection !== parsed.reason) {
      events.push({ type: 'txt-rejected', instanceName: entry.instanceName, reason: parsed.reason });
    }
    entry.txtRejection = parsed.reason;
  }

  private ingestAddress(
    record: Extract<DiscoveryRecord, { kind: 'A' }>,
    now: number,
    flushedHosts: Set<string>,
    touched: Set<InstanceEntry>,
  ): void {
    // Goodbyes for addresses are ignored: a peer's lifetime follows its PTR/SRV, and a fresh
    // cache-flush A record replaces the set anyway.
    if (record.ttl === 0) return;
    const users = [...this.instances.values()].filter((entry) => entry.target === record.host);
    // Only hosts an SRV record named are kept: unrelated A records cannot grow the table.
    if (users.length === 0) return;
    let host = this.hosts.get(record.host);
    if (host === undefined) {
      host = { addresses: [], lastSeen: now };
      this.hosts.set(record.host, host);
    }
    // Cache-flush bit (RFC 6762 §10.2): this packet's records replace what we held.
    if (record.flush && !flushedHosts.has(record.host)) {
      flushedHosts.add(record.host);
      host.addresses = [];
    }
    if (!host.addresses.includes(record.address)) host.addresses.push(record.address);
    host.lastSeen = now;
    for (const entry of users) {
      entry.lastSeen = now;
      touched.add(entry);
    }
  }

  private goodbye(instance: string, events: PeerTableEvent[], touched: Set<InstanceEntry>): void {
    const entry = this.instances.get(instance);
    if (entry === undefined) return;
    this.instances.delete(instance);
    touched.delete(entry);
    this.release(entry, 'goodbye', events);
  }

  /** Drops the entry's peer (if it was reported) and reports it left. */
  private release(entry: InstanceEntry, reason: PeerLeftReason, events: PeerTableEvent[]): void {
    const announced = entry.announced;
    if (announced === undefined || this.owners.get(announced.nodeId) !== entry.instance) return;
    this.owners.delete(announced.nodeId);
    delete entry.announced;
    events.push({ type: 'peer-left', peer: { ...announced, lastSeen: new Date(entry.lastSeen) }, reason });
  }

  private peerOf(entry: InstanceEntry): PeerInfo | undefined {
    const txt = entry.txt;
    if (txt === undefined || entry.target === undefined) return undefined;
    const addresses = this.hosts.get(entry.target)?.addresses ?? [];
    const address = choosePeerAddress(addresses, this.options.subnets);
    if (address === undefined) return undefined;
    return {
      nodeId: txt.nodeId,
      name: entry.instanceName,
      address,
      addresses: [...addresses],
      port: txt.apiPort,
      version: txt.version,
      protocol: txt.protocol,
      instances: txt.instances,
      modelId: txt.modelId,
      hardwareSummary: txt.hardwareSummary,
      modelSha256: txt.modelSha256,
      keyId: txt.keyId,
      lastSeen: new Date(entry.lastSeen),
    };
  }

  /** Whether `peer` advertises this swarm's key id while the current owner of its node id does not. */
  private takesOver(peer: PeerInfo, current: PeerInfo | undefined): boolean {
    const ownKeyId = this.options.ownKeyId ?? null;
    return ownKeyId !== null && peer.keyId === ownKeyId && current?.keyId !== ownKeyId;
  }

  private reconcile(entry: InstanceEntry, events: PeerTableEvent[]): void {
    const peer = this.peerOf(entry);
    // Incomplete (records still missing): keep what was reported until it completes or expires.
    if (peer === undefined) return;

    if (entry.announced !== undefined && entry.announced.nodeId !== peer.nodeId) {
      // The instance now claims another node id: the old node is gone from here.
      this.release(entry, 'goodbye', events);
    }
    if (peer.nodeId === this.options.selfNodeId) return;

    const owner = this.owners.get(peer.nodeId);
    const ownerEntry = owner === undefined ? undefined : this.instances.get(owner);
    if (owner !== undefined && owner !== entry.instance && ownerEntry !== undefined && this.takesOver(peer, ownerEntry.announced)) {
      // The member of our swarm, announced after a stranger claimed its id: it gets the id.
      delete ownerEntry.announced;
      this.owners.set(peer.nodeId, entry.instance);
      entry.announced = peer;
      events.push({ type: 'peer-updated', peer });
      return;
    }
    if (owner !== undefined && owner !== entry.instance) {
      if (!entry.duplicateReported) {
        entry.duplicateReported = true;
        events.push({
          type: 'duplicate-node-id',
          nodeId: peer.nodeId,
          instanceName: entry.instanceName,
          ownerInstanceName: this.instances.get(owner)?.instanceName ?? owner,
        });
      }
      return;
    }

    this.owners.set(peer.nodeId, entry.instance);
    const previous = entry.announced;
    entry.announced = peer;
    if (previous === undefined) events.push({ type: 'peer-joined', peer });
    else if (!samePeer(previous, peer)) events.push({ type: 'peer-updated', peer });
  }
}
