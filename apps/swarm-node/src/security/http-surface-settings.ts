import type { NodeConfig } from '../config';
import type { ApiKey } from './api-key';

/** The settings that shape the HTTP surface: who may call, which names it answers to, its bounds. */
export type HttpSurfaceSettings = Pick<NodeConfig, 'host' | 'allowedHosts' | 'corsOrigins' | 'bodyLimit' | 'requestTimeoutMs' | 'maxConnections'> & {
  /** The key read from --api-key-file; absent: the API is open to every trusted client. */
  readonly apiKey?: ApiKey;
};
