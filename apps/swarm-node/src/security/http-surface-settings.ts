import type { NodeConfig } from '../config';

/** The settings that shape the HTTP surface: who may call, which names it answers to, its bounds. */
export type HttpSurfaceSettings = Pick<NodeConfig, 'host' | 'allowedHosts' | 'corsOrigins' | 'bodyLimit' | 'requestTimeoutMs' | 'maxConnections'>;
