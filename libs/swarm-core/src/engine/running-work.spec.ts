import { RunningWork } from './running-work';

/** Work that ends (with `outcome`) only once its signal aborts, a few ticks later. */
function slowBatch(signal: AbortSignal, outcome: 'resolve' | 'reject', log: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => {
      setTimeout(() => {
        log.push('batch ended');
        if (outcome === 'resolve') resolve();
        else reject(new Error('context disposed mid-step'));
      }, 20);
    });
  });
}

describe('RunningWork', () => {
  it('drain() aborts running work and waits until it ended', async () => {
    const work = new RunningWork();
    const log: string[] = [];
    const caller = new AbortController();
    void work.track(slowBatch(work.signalFor(caller.signal), 'resolve', log));
    expect(work.size).toBe(1);
    await work.drain();
    log.push('drained');
    expect(log).toEqual(['batch ended', 'drained']);
    expect(work.size).toBe(0);
    expect(caller.signal.aborted).toBe(false);
  });

  it('drain() never rejects, even when the work does', async () => {
    const work = new RunningWork();
    const log: string[] = [];
    const failing = work.track(slowBatch(work.signal, 'reject', log));
    failing.catch(() => undefined);
    await expect(work.drain()).resolves.toBeUndefined();
    expect(log).toEqual(['batch ended']);
  });

  it('forgets work that settled by itself', async () => {
    const work = new RunningWork();
    await work.track(Promise.resolve(1));
    await Promise.resolve();
    expect(work.size).toBe(0);
  });

  it('the caller aborting aborts the combined signal', () => {
    const work = new RunningWork();
    const caller = new AbortController();
    const signal = work.signalFor(caller.signal);
    caller.abort();
    expect(signal.aborted).toBe(true);
    expect(work.signal.aborted).toBe(false);
  });
});
