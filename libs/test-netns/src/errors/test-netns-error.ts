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
  /** A node started on the LAN exited, or did not say it was ready in time. */
  NODE_START_FAILED: 'TEST_NETNS_ERR_NODE_START_FAILED',
  /** An HTTP request made inside a namespace got no reply (refused, reset, timed out, driver gone). */
  REQUEST_FAILED: 'TEST_NETNS_ERR_REQUEST_FAILED',
  /** A condition waited for (NodeLan.waitFor) did not hold in time. */
  WAIT_TIMED_OUT: 'TEST_NETNS_ERR_WAIT_TIMED_OUT',
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
