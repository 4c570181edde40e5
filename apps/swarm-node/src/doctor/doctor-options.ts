/** What `local-swarm doctor` was asked for. */
export interface DoctorOptions {
  /** `--host`: the address the node would be given; null to choose as the node does. */
  readonly host: string | null;
  /** `--port`: the API port the probe service advertises. */
  readonly port: number;
  /** `--timeout-ms`: how long to listen for mDNS. */
  readonly timeoutMs: number;
  /** `--json`: a machine-readable report instead of lines. */
  readonly json: boolean;
  /** `--config-dir`: the node's config dir (its block list and stored key); null: as the node finds it. */
  readonly configDir: string | null;
  /** `--swarm-key-file`: the swarm key the node is given; null: LOCAL_SWARM_KEY_FILE or the stored key. */
  readonly swarmKeyFile: string | null;
}

export const DEFAULT_DOCTOR_TIMEOUT_MS = 3000;
/** Long enough for ciao's probing (~1 s) to finish and be heard. */
export const MIN_DOCTOR_TIMEOUT_MS = 1500;
export const MAX_DOCTOR_TIMEOUT_MS = 60_000;
