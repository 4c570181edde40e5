/** A `_local-swarm._tcp` instance heard during a survey, as raw as it came (its TXT not yet judged). */
export interface SeenService {
  /** Instance name, in the case the advertiser chose. */
  readonly instanceName: string;
  /** SRV port; null until its SRV record is heard. */
  readonly port: number | null;
  /** SRV target host; null until its SRV record is heard. */
  readonly host: string | null;
  /** IPv4 addresses from the host's A records. */
  readonly addresses: readonly string[];
  /** TXT strings; null until its TXT record is heard. */
  readonly txt: readonly Buffer[] | null;
  /** Where the last packet about it came from (used when no A record is heard). */
  readonly sourceAddress: string;
}
