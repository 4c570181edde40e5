import { createNodeLan, netnsUnavailableReason, type NodeLan } from '@local-swarm/test-netns';
import { SWARM_NODE_ENTRY } from './repo-paths';

/** Thrown by a body that noticed the run was interrupted; main() then writes nothing and lets the signal handler exit. */
export class RunInterrupted extends Error {
  constructor(signal: string) {
    super(`interrupted by ${signal}`);
    this.name = 'RunInterrupted';
  }
}

/**
 * Runs `body` on a LAN of network namespaces (one host per label) that runs the built swarm node,
 * and always takes it down afterwards: nodes, HTTP drivers and namespaces, also when `body`
 * throws or the process gets SIGINT (Ctrl-C) or SIGTERM (the suite's timeout). On a signal the
 * LAN is destroyed at once, `signal` is aborted (the body should stop: its requests fail from
 * then on) and the process exits with 130 or 143 once the namespaces are gone. Federation
 * traffic and mDNS never leave these namespaces. Throws at once when namespaces cannot be made.
 */
export async function withNodeLan<T>(hosts: readonly string[], body: (lan: NodeLan, signal: AbortSignal) => Promise<T>): Promise<T> {
  const reason = netnsUnavailableReason();
  if (reason !== null) throw new Error(`this eval runs its nodes in network namespaces, which this machine cannot make: ${reason}`);
  const lan = await createNodeLan({ hosts, entry: SWARM_NODE_ENTRY });
  const interrupted = new AbortController();
  const onSignal = (signal: NodeJS.Signals): void => {
    console.error(`federation-quality: ${signal}: stopping the nodes and deleting the namespaces`);
    interrupted.abort(new RunInterrupted(signal));
    void lan.destroy().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await body(lan, interrupted.signal);
  } catch (error) {
    // Whatever failed after a signal failed because of it (a node killed while starting, a request cut off).
    throwIfInterrupted(interrupted.signal);
    throw error;
  } finally {
    await lan.destroy();
    // Stay subscribed while interrupted: the handler above is what exits.
    if (!interrupted.signal.aborted) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    }
  }
}

/** Throws RunInterrupted once withNodeLan's signal was aborted. */
export function throwIfInterrupted(signal: AbortSignal): void {
  if (!signal.aborted) return;
  throw signal.reason instanceof RunInterrupted ? signal.reason : new RunInterrupted('a signal');
}
