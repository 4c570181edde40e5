/** The service record set this node advertises (one instance of `_local-swarm._tcp`). */
export interface AdvertisedService {
  /** Instance name (already fitted to a DNS label). */
  readonly name: string;
  /** Host label for the SRV target and A record (`<hostname>.local`). */
  readonly hostname: string;
  /** The API port (SRV port). */
  readonly port: number;
  readonly txt: Readonly<Record<string, string>>;
  /** The only address advertised in A records: the API's bound IPv4. */
  readonly address: string;
}

/**
 * Advertises one service on one interface. The default is ciao (ciao-advertiser.ts); unit tests
 * inject a fake.
 */
export interface Advertiser {
  /**
   * Probes and announces (RFC 6762 §8); resolves once announced. `onNameChanged` is called when a
   * conflict made the responder rename the instance.
   */
  advertise(service: AdvertisedService, onNameChanged: (name: string) => void): Promise<void>;
  /** Sends goodbyes (TTL 0) and releases the sockets. Called at most once. */
  shutdown(): Promise<void>;
}

export type AdvertiserFactory = (interfaceName: string) => Advertiser;
