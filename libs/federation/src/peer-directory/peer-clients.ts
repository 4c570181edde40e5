import { isIP } from 'node:net';
import {
  FederationClient,
  OpenAiPeerClient,
  parsePeerAddress,
  peerAddressRefusal,
  type PeerConnectOptions,
  type SwarmMembership,
} from '@local-swarm/federation-protocol';

/**
 * One client per peer address, shared by the peer's health checks and its votes, every one made
 * with the directory's connect options: no call to a peer skips the address policy. With a swarm
 * membership, every Local Swarm client speaks sealed protocol 2 (OpenAI-compatible peers never do).
 */
export class PeerClients {
  readonly #federation = new Map<string, FederationClient>();
  readonly #openAi = new Map<string, OpenAiPeerClient>();

  constructor(
    private readonly connect: PeerConnectOptions,
    private readonly membership: SwarmMembership | null = null,
    /** API keys of OpenAI-compatible servers, by base URL. */
    private readonly openAiKeys: ReadonlyMap<string, string> = new Map(),
  ) {}

  /** The client of the Local Swarm node at `baseUrl`. */
  federation(baseUrl: string): FederationClient {
    return reuse(this.#federation, baseUrl, () => new FederationClient({ ...this.connect, baseUrl, membership: this.membership }));
  }

  /** The client of the OpenAI-compatible server at `baseUrl`. */
  openAi(baseUrl: string): OpenAiPeerClient {
    const apiKey = this.openAiKeys.get(baseUrl);
    return reuse(this.#openAi, baseUrl, () => new OpenAiPeerClient({ ...this.connect, baseUrl, ...(apiKey !== undefined && { apiKey }) }));
  }

  /**
   * Why a peer address whose host is an IP literal would be refused at connect time, so it is
   * refused before it is even listed; null for an allowed one, a host name (checked at each
   * connection) or an address that does not parse (the registry says why).
   */
  refusal(address: string): string | null {
    const parsed = parsePeerAddress(address);
    if (!parsed.ok || isIP(parsed.peer.host) === 0) return null;
    return peerAddressRefusal(parsed.peer.host, { allowLoopback: this.connect.allowLoopback ?? false });
  }

  /** Drops the clients of a peer that left (a later peer at the address gets fresh ones). */
  forget(baseUrl: string): void {
    this.#federation.delete(baseUrl);
    this.#openAi.delete(baseUrl);
  }
}

function reuse<T>(clients: Map<string, T>, baseUrl: string, create: () => T): T {
  const known = clients.get(baseUrl);
  if (known !== undefined) return known;
  const client = create();
  clients.set(baseUrl, client);
  return client;
}
