/**
 * Structured logger the lib accepts by injection (same shape as swarm-core's `Logger`, so the app
 * passes one object to both); nothing in this lib writes to the console by itself.
 */
export interface FederationLogger {
  debug(message: string, fields?: Readonly<Record<string, unknown>>): void;
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  warn(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/** Drops everything: the default when the caller injects no logger. */
export const silentFederationLogger: FederationLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
