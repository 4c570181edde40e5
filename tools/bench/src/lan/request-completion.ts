import type { HostRef, NodeLan } from '@local-swarm/test-netns';
import { readCompletionReply } from '../node-process/completion-reply';
import { readAnswerSources } from './answer-sources';
import type { RequestOutcome } from './request-outcome';

export interface TimedOutcome extends RequestOutcome {
  /** Request to last body byte, measured inside the client's namespace (NaN when no reply came). */
  readonly elapsedMs: number;
}

/**
 * POSTs a completion request (chat or text) from inside `from`'s namespace and reads the
 * reply. Never throws: a refused connection or an error status is an outcome to count.
 */
export async function requestCompletion(
  lan: NodeLan,
  from: HostRef,
  url: string,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
  timeoutMs = 60_000,
): Promise<TimedOutcome> {
  const startedAt = Date.now();
  try {
    const reply = await lan.request(from, 'POST', url, body, headers, timeoutMs);
    const endedAt = Date.now();
    let parsed: unknown = null;
    try {
      parsed = reply.json<unknown>();
    } catch {
      // Not JSON: a proxy's or a dying server's page; the status says what happened.
    }
    const completion = readCompletionReply(parsed);
    const ok = reply.status >= 200 && reply.status < 300 && completion.ok;
    return {
      startedAt,
      endedAt,
      status: reply.status >= 200 && reply.status < 300 && !completion.ok ? 502 : reply.status,
      completionTokens: completion.ok ? completion.reply.completionTokens : 0,
      answeredBy: readAnswerSources(parsed)?.answeredBy ?? [],
      elapsedMs: reply.elapsedMs,
      ...(ok ? {} : { error: completion.ok ? `HTTP ${reply.status}` : `HTTP ${reply.status}: ${completion.reason}` }),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^TEST_NETNS_ERR_\w+: /, '') : String(error);
    return { startedAt, endedAt: Date.now(), status: null, completionTokens: 0, answeredBy: [], elapsedMs: Number.NaN, error: `no reply: ${message}` };
  }
}
