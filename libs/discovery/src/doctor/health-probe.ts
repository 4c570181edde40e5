/** What a health call to a service gave: its HTTP status and Date header, or why it failed. */
export type HealthProbeResult =
  | { readonly reachable: true; readonly status: number; readonly date: string | null }
  | { readonly reachable: false; readonly reason: string };

/**
 * Calls `GET /v1/federation/health` at address:port within timeoutMs, under the same address
 * policy as peer calls. Injected: the lib has no HTTP client, and specs never reach the network.
 */
export type HealthProbe = (address: string, port: number, timeoutMs: number) => Promise<HealthProbeResult>;
