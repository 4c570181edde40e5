import type { LoggerService } from '@nestjs/common';
import type { Logger } from '@local-swarm/swarm-core';
import pino from 'pino';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/**
 * The node's one logger: pino, JSON lines when stdout is not a terminal (machines read logs),
 * pretty lines on a terminal (people read them). Libs get it through the `Logger` interface;
 * Nest gets it as a LoggerService.
 */
export function createAppLogger(level: LogLevel, pretty: boolean = process.stdout.isTTY === true): pino.Logger {
  return pino(
    { level, base: { service: 'local-swarm' } },
    pretty ? pino.transport({ target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname,service' } }) : undefined,
  );
}

/** Adapts pino to the libs' `Logger` interface. */
export function toLibLogger(logger: pino.Logger): Logger {
  return {
    debug: (message, fields) => logger.debug(fields ?? {}, message),
    info: (message, fields) => logger.info(fields ?? {}, message),
    warn: (message, fields) => logger.warn(fields ?? {}, message),
    error: (message, fields) => logger.error(fields ?? {}, message),
  };
}

/** Adapts pino to Nest's LoggerService, so framework messages land in the same stream. */
export class NestPinoLogger implements LoggerService {
  constructor(private readonly logger: pino.Logger) {}

  log(message: unknown, context?: string): void {
    this.logger.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.logger.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.logger.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.logger.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.logger.trace({ context }, String(message));
  }
}
