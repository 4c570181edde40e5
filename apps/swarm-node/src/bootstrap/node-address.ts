import { chooseBindAddress, type BindChoice } from '@local-swarm/net-binding';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { NodeConfig } from '../config';
import { deriveNodeId } from '../peers/node-identity';
import { StartupError } from './startup-error';

/** Where the API listens: `--host`, or the safe default that net-binding picks. */
export function chooseBind(config: Pick<NodeConfig, 'host'>): BindChoice {
  const result = chooseBindAddress(config.host === null ? {} : { requestedHost: config.host });
  if (!result.ok) throw new StartupError(`--host: ${result.error.message}`);
  return result.choice;
}

/**
 * A stable id from machine, address and port; with port 0 (any free port) there is nothing stable
 * to derive from, so the id is random for that run.
 */
export function nodeIdFor(bind: BindChoice, port: number): string {
  if (port === 0) return `ls-${randomBytes(6).toString('hex')}`;
  return deriveNodeId({ hostname: hostname(), address: bind.address, port });
}

/** The URL the server listens on, with the port it got (port 0 picks a free one). */
export function listeningUrl(app: NestFastifyApplication, bind: BindChoice): string {
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const host = bind.address.includes(':') ? `[${bind.address}]` : bind.address;
  return `http://${host}:${port}`;
}
