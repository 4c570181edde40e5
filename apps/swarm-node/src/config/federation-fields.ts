import { STRATEGY_NAMES } from '@local-swarm/consensus';
import { FEDERATION_MODES } from '@local-swarm/federation';
import { peerKeyFileMaps, peerLists, weightMaps } from './collection-kinds';
import { field, fieldGroup } from './field-spec';
import { matching, pathsOrUris } from './text-kinds';
import { integers, onOff, oneOf, orNull } from './value-kinds';

/** Settings of the federation: this node voting together with other nodes (config file block `federation:`). */
export const FEDERATION_FIELDS = {
  /** Join a federation. */
  enabled: field(onOff, {
    default: false,
    cli: { flags: '--federation', help: 'vote together with other Local Swarm nodes', negatable: true, alias: '--enable-federation' },
  }),
  /**
   * Peers to join besides the discovered ones, each `host:port` or `openai+http(s)://host:port/v1`
   * (https: the server's certificate is verified against Node's CA store; NODE_EXTRA_CA_CERTS adds a private CA).
   * Only the shape is checked here (non-empty, no whitespace); the app checks the addresses.
   */
  peers: field(peerLists, {
    default: Object.freeze([]),
    cli: {
      flags: '--peer <host:port|openai+http(s)://host:port/v1>',
      help: 'federation peer to join besides the discovered ones; repeat for more; replaces federation.peers of the config file',
      defaultHelp: 'none',
      repeatable: true,
      requiresFederation: true,
    },
    fileHelp: '--peer host:port ...; flags replace this list',
  }),
  /**
   * Folder of the node's identity (node-key.pem), its stored swarm key (swarm.key) and block list
   * (blocked.json); null: $XDG_CONFIG_HOME/local-swarm, else ~/.config/local-swarm.
   */
  configDir: field(orNull(pathsOrUris), {
    default: null,
    cli: {
      flags: '--config-dir <path>',
      help: 'folder of the node identity, the swarm key and the block list (one per node when several run on one machine)',
      defaultHelp: '$XDG_CONFIG_HOME/local-swarm or ~/.config/local-swarm',
      env: 'LOCAL_SWARM_CONFIG_DIR',
    },
  }),
  /** File of the swarm key (64 hex characters, mode 600) shared by the nodes of this swarm; null: the stored one. */
  keyFile: field(orNull(pathsOrUris), {
    default: null,
    cli: {
      flags: '--swarm-key-file <path>',
      help: 'file holding the swarm key (64 hex characters, mode 600; "local-swarm key new > FILE")',
      defaultHelp: '<config dir>/swarm.key, created on first start',
      env: 'LOCAL_SWARM_KEY_FILE',
    },
  }),
  /**
   * A join string ("local-swarm key show" on a machine of the swarm): its key is stored in the
   * config dir. Only its shape is checked here; the pairing code reads it without ever echoing it.
   */
  join: field(orNull(matching(/^\S+$/, 'a join string (lsjoin1:…) from "local-swarm key show"')), {
    default: null,
    cli: { flags: '--join <join string>', help: 'join the swarm of another machine: its "local-swarm key show" output', requiresFederation: true },
    fileHelp: 'prefer the --join flag: a join string is a secret',
  }),
  /** With `join`: replace a different stored swarm key (the old one is kept as swarm.key.old). */
  replaceKey: field(onOff, {
    default: false,
    cli: { flags: '--replace-key', help: 'with --join: replace a different stored swarm key (kept as swarm.key.old)', requiresFederation: true },
  }),
  /** Open federation: no swarm key, unsealed protocol 1, any host on the LAN may vote and read prompts. */
  open: field(onOff, {
    default: false,
    cli: {
      flags: '--federation-open',
      help: 'federate WITHOUT a swarm key (protocol 1): any host on the LAN may read prompts and vote',
      requiresFederation: true,
    },
  }),
  /** Find peers on the local network; false keeps only `peers`. */
  discovery: field(onOff, {
    default: true,
    cli: {
      flags: '--no-discovery',
      help: 'do not look for peers on the local network, use only --peer',
      defaultHelp: 'discovery on',
      requiresFederation: true,
    },
  }),
  /**
   * Connect to peers on loopback (127.0.0.0/8, ::1): several nodes on one machine, tests. Off, a
   * peer address (configured, discovered or added over HTTP) can never reach a service that listens
   * only on this machine; peers must be private, CGNAT, unique local or link-local addresses.
   */
  allowLoopbackPeers: field(onOff, {
    default: false,
    cli: {
      flags: '--allow-loopback-peers',
      help: 'also connect to peers on loopback (127.0.0.1, ::1), e.g. several nodes on one machine',
      requiresFederation: true,
    },
  }),
  /**
   * How a federated request uses the peers: `vote` asks every healthy peer and votes over all
   * candidates; `balance` sends each request to one node (this one or a peer) to spread the load.
   */
  mode: field(oneOf(FEDERATION_MODES), {
    default: 'vote',
    cli: {
      flags: `--mode <${FEDERATION_MODES.join('|')}>`,
      help: 'federation mode: vote (every peer votes) or balance (spread requests over the nodes)',
      requiresFederation: true,
    },
    fileHelp: `--mode ${FEDERATION_MODES.join('|')}`,
  }),
  /** Strategy for federated requests, overriding the top-level `strategy`; null: use `strategy`. */
  strategy: field(orNull(oneOf(STRATEGY_NAMES)), {
    default: null,
    cli: null,
    fileHelp: 'file only: strategy for federated requests (null: --strategy)',
  }),
  /** How long a request waits for the peers' votes, in ms. */
  voteTimeoutMs: field(integers({ min: 100, max: 600_000 }), {
    default: 30_000,
    cli: { flags: '--vote-timeout-ms <n>', help: "how long a federated request waits for the peers' votes, in ms", requiresFederation: true },
  }),
  /** Time between health checks of each peer, in ms. */
  healthIntervalMs: field(integers({ min: 200, max: 60_000 }), { default: 2_000, cli: null }),
  /** Failed health checks in a row before a peer counts as unhealthy. */
  unhealthyAfterFailures: field(integers({ min: 1, max: 100 }), { default: 2, cli: null }),
  /** A discovered peer not heard from for this long (ms) is forgotten. */
  peerTtlMs: field(integers({ min: 1_000, max: 3_600_000 }), { default: 60_000, cli: null }),
  /**
   * API key files of OpenAI-compatible peers, by their address as given to --peer: each key is
   * sent as `Authorization: Bearer` to that server only (matched by the exact base URL: a key for
   * `openai+https://host/v1` is never sent to `openai+http://host/v1`), and never printed, logged or listed.
   */
  openaiPeerKeyFiles: field(peerKeyFileMaps, {
    default: Object.freeze({}),
    cli: null,
    fileHelp: 'file only: {"openai+https://host:port/v1": "/path/to/key-file"}',
  }),
  /** Voting weights for federated `weighted_vote`; ids not listed weigh 1. */
  weights: fieldGroup(
    {
      /** Weight of each peer's candidates, by node id. */
      peers: field(weightMaps('peer'), { default: Object.freeze({}), cli: null, fileHelp: 'e.g. {node-b: 2}' }),
      /** Weight of each model's candidates, by model id. */
      models: field(weightMaps('model'), { default: Object.freeze({}), cli: null, fileHelp: 'e.g. {qwen2.5-7b: 1.5}' }),
    },
    'file only: weighted_vote weight per node id / model id',
  ),
};
