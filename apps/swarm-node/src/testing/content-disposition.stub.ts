/**
 * Jest-only stand-in for `content-disposition`: version 3 is ESM-only, which Node 20 itself
 * require()s but jest's module loader (before Node 24.9) cannot. @fastify/static uses it only for
 * reply.download(), which the node never calls. Mapped in jest.config.js; never in the build.
 */
export function create(): string {
  return 'attachment';
}
