import type { LanNode, NodeLan } from '@local-swarm/test-netns';
import { readConsensusReply, type ConsensusReply } from './consensus-reply';
import { chatRequestBody, type TaskRequest } from './task-request';

/** One task asked of the federation: the node's reply (every candidate) or why there is none. */
export interface TaskObservation {
  readonly request: TaskRequest;
  /** Request sent to last byte of the reply, measured inside the client's namespace; NaN without a reply. */
  readonly elapsedMs: number;
  readonly reply: ConsensusReply | null;
  readonly error: string | null;
  /**
   * CPU seconds each node (by candidate source) used during the request, from /proc: a cost that,
   * unlike wall time, hardly depends on what else the machine is doing. Empty when not measured.
   */
  readonly cpuSeconds: Readonly<Record<string, number>>;
}

/** What askTask() measures; the caller adds the CPU figures. */
export type TaskReply = Omit<TaskObservation, 'cpuSeconds'>;

/**
 * Asks `node` (in vote mode: every healthy peer votes) from inside its own namespace. Never
 * throws: a refused connection, an error status or a reply without consensus metadata is an
 * observation with `error` set, which the report counts.
 */
export async function askTask(lan: NodeLan, node: LanNode, request: TaskRequest, timeoutMs: number): Promise<TaskReply> {
  try {
    const reply = await lan.request(node.host, 'POST', `${node.url}/v1/chat/completions`, chatRequestBody(request), { 'x-swarm-mode': 'vote' }, timeoutMs);
    let body: unknown = null;
    try {
      body = reply.json<unknown>();
    } catch {
      // Not JSON: the status says what happened.
    }
    const read = readConsensusReply(body);
    if (reply.status !== 200 || !read.ok) {
      return { request, elapsedMs: reply.elapsedMs, reply: null, error: `HTTP ${reply.status}: ${read.ok ? reply.text.slice(0, 200) : read.reason}` };
    }
    return { request, elapsedMs: reply.elapsedMs, reply: read.value, error: null };
  } catch (error) {
    return { request, elapsedMs: Number.NaN, reply: null, error: `no reply: ${error instanceof Error ? error.message : String(error)}` };
  }
}
