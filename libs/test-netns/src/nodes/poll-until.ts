import { TestNetnsError, TestNetnsErrorCode } from '../errors/test-netns-error';

/**
 * Calls `check` every `intervalMs` until it returns true, and resolves with the milliseconds that
 * took. A check that throws counts as false (a node still starting refuses connections). Throws
 * TEST_NETNS_ERR_WAIT_TIMED_OUT, naming `what`, after `timeoutMs`.
 */
export async function pollUntil(what: string, check: () => Promise<boolean>, timeoutMs: number, intervalMs = 200): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check().catch(() => false)) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new TestNetnsError(TestNetnsErrorCode.WAIT_TIMED_OUT, `timed out after ${timeoutMs} ms waiting for ${what}`);
}
