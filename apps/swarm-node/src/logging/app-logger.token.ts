/** Injection token of the node's pino logger. */
export const APP_LOGGER = Symbol('APP_LOGGER');
