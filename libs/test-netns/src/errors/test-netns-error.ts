/**
 * Error catalog of @local-swarm/test-netns. Codes are stable (fastify's `FST_ERR_*` style); messages
 * are for humans. This is test support: every failure is a programmer or environment error and is
 * thrown, so a suite fails loudly with the reason (not root, `ip` missing, a command that failed).
 */
export const TestNetnsErrorCode = {
  /** createLan() got options it cannot honour (host count, labels, subnet). */
  INVALID_OPTIONS: 'TEST_NETNS_ERR_INVALID_OPTIONS',
  /** Network namespaces cannot be made here: not root, or iproute2 (`ip`) is missing. */
  UNAVAILABLE: 'TEST_NETNS_ERR_UNAVAILABLE',
  /** An `ip` command that builds the LAN failed; the namespaces made so far were deleted. */
  SETUP_FAILED: 'TEST_NETNS_ERR_SETUP_FAILED',
  /** A host reference (label, namespace name or index) names no host of this LAN. */
  UNKNOWN_HOST: 'TEST_NETNS_ERR_UNKNOWN_HOST',
  /** The LAN was destroyed; it cannot run anything any more. */
  DESTROYED: 'TEST_NETNS_ERR_DESTROYED',
  /** An `ip` command used after setup (link down/up) failed. */
  COMMAND_FAILED: 'TEST_NETNS_ERR_COMMAND_FAILED',
} as const;

export type TestNetnsErrorCode = (typeof TestNetnsErrorCode)[keyof typeof TestNetnsErrorCode];

export class TestNetnsError extends Error {
  override readonly name = 'TestNetnsError';

  constructor(
    readonly code: TestNetnsErrorCode,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}
