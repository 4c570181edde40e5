import { field } from './field-spec';
import { hostNameLists, originLists } from './http-kinds';
import { pathsOrUris } from './text-kinds';
import { integers, orNull } from './value-kinds';

const MIB = 1024 * 1024;

/**
 * Settings of the HTTP surface (top-level keys of the config file): who may call the node from a
 * browser, which names it answers to, and the bounds every connection lives within.
 */
export const HTTP_FIELDS = {
  /**
   * File holding the API key clients must send as `Authorization: Bearer <key>`; null: no key. A
   * path, not the key itself, so the key never sits in a process list or a config file.
   */
  apiKeyFile: field(orNull(pathsOrUris), {
    default: null,
    cli: {
      flags: '--api-key-file <path>',
      help: 'file holding the API key (32+ characters, mode 600) that the API, /metrics and the dashboard data require as "Authorization: Bearer <key>"',
      defaultHelp: 'none, the API is open to the local network',
      env: 'LOCAL_SWARM_API_KEY_FILE',
    },
  }),
  /** Names besides this machine's own (localhost, *.local, its hostname, its IPs) the Host header may carry. */
  allowedHosts: field(hostNameLists, {
    default: Object.freeze([]),
    cli: {
      flags: '--allowed-host <name>',
      help: 'another name (or IP) the node answers to in the Host header, besides localhost, *.local, its hostname and its addresses; repeat for more',
      defaultHelp: 'none',
      repeatable: true,
    },
    fileHelp: '--allowed-host name ...; flags replace this list',
  }),
  /** Web origins whose pages may call the API (CORS); the node's own dashboard needs none. */
  corsOrigins: field(originLists, {
    default: Object.freeze([]),
    cli: {
      flags: '--cors-origin <origin>',
      help: 'web origin (scheme://host[:port]) whose pages may call the API; repeat for more',
      defaultHelp: "none, only the node's own pages",
      repeatable: true,
    },
    fileHelp: '--cors-origin origin ...; flags replace this list',
  }),
  /** Largest request body, in bytes; larger ones get 413 before they are read. */
  bodyLimit: field(integers({ min: 1024, max: 64 * MIB }), {
    default: MIB,
    cli: { flags: '--body-limit <bytes>', help: 'largest request body in bytes, larger ones get 413' },
  }),
  /** Time a client has to send a whole request (headers and body); answers may take longer. */
  requestTimeoutMs: field(integers({ min: 1000, max: 3_600_000 }), {
    default: 60_000,
    cli: { flags: '--request-timeout-ms <ms>', help: 'time a client has to send a whole request (headers and body), in ms' },
  }),
  /** Open connections at once; more are closed as they arrive. */
  maxConnections: field(integers({ min: 1, max: 65_535 }), {
    default: 256,
    cli: { flags: '--max-connections <n>', help: 'open connections at once; more are closed on arrival' },
  }),
};
