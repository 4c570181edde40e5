import { median } from '@local-swarm/bench-kit';
import { readCompletionReply } from '../node-process/completion-reply';
import { postJson } from '../node-process/http-json';
import { startSwarmNode, type RunningSwarmNode } from '../node-process/swarm-node-process';
import { timeOnce } from '../support/timing';
import { COUNTING_PROMPT } from './swarm-cost';

export interface NodeCost {
  readonly n: number;
  /** Median client-side wall time of one /v1/completions request (N candidates, majority). */
  readonly ms: number;
  /** Completion tokens of every candidate of the last request (`consensus.usage`). */
  readonly completionTokens: number;
}

/**
 * The whole node, over HTTP: one node process per N (its instances are its candidates), all
 * started first and then asked in turn, repetition by repetition, so every N sees the same spells
 * of a busy machine. Same prompt, length, sampling and seed as the in-process figures.
 */
export async function measureNodeCost(
  ns: readonly number[],
  settings: { readonly model: string; readonly threads: number; readonly maxTokens: number; readonly repetitions: number },
): Promise<NodeCost[]> {
  const nodes = new Map<number, RunningSwarmNode>();
  try {
    for (const n of ns) {
      const args = ['--instances', String(n), '--threads', String(settings.threads), '--context-size', '256', '--model', settings.model];
      nodes.set(n, await startSwarmNode({ args }));
    }
    const ask = async (node: RunningSwarmNode): Promise<number> => {
      const reply = await postJson(`${node.url}/v1/completions`, {
        model: 'local-swarm',
        prompt: COUNTING_PROMPT.text,
        max_tokens: settings.maxTokens,
        temperature: 0.7,
        top_p: 0.95,
        seed: 1000,
      });
      const read = readCompletionReply(reply.body);
      if (reply.status !== 200 || !read.ok) throw new Error(`node answered ${reply.status}: ${read.ok ? '' : read.reason}`);
      return read.reply.voteCompletionTokens;
    };
    for (const node of nodes.values()) await ask(node); // warm-up
    const times = new Map<number, number[]>();
    const tokens = new Map<number, number>();
    for (let repetition = 0; repetition < settings.repetitions; repetition++) {
      for (const [n, node] of nodes) {
        const run = await timeOnce(() => ask(node));
        times.set(n, [...(times.get(n) ?? []), run.ms]);
        tokens.set(n, run.value);
      }
    }
    return ns.map((n) => ({ n, ms: median(times.get(n) ?? []), completionTokens: tokens.get(n) ?? 0 }));
  } finally {
    await Promise.all([...nodes.values()].map((node) => node.stop()));
  }
}
