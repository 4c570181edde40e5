import { clientShareOf, SlotQueue } from './slot-queue';

describe('SlotQueue', () => {
  it('hands out free slots at once', async () => {
    const queue = new SlotQueue(['a', 'b', 'c'], 2);
    await expect(queue.acquire(2)).resolves.toEqual({ ok: true, slots: ['a', 'b'] });
    expect(queue.freeCount).toBe(1);
  });

  it('serves waiters in FIFO order, even when a later one would fit first', async () => {
    const queue = new SlotQueue([1, 2, 3], 5);
    const first = await queue.acquire(3);
    if (!first.ok) throw new Error('expected slots');
    const order: string[] = [];
    const big = queue.acquire(3).then((o) => order.push(`big:${o.ok}`));
    const small = queue.acquire(1).then((o) => order.push(`small:${o.ok}`));
    queue.release(first.slots.slice(0, 1)); // 1 free: small would fit, but big is first in line
    await Promise.resolve();
    expect(order).toEqual([]);
    queue.release(first.slots.slice(1)); // 3 free: big goes
    await big;
    expect(order).toEqual(['big:true']);
    expect(queue.waitingCount).toBe(1);
    queue.release([1, 2, 3]);
    await small;
    expect(order).toEqual(['big:true', 'small:true']);
  });

  it('answers queue_full when maxWaiting requests already wait', async () => {
    const queue = new SlotQueue([1], 1);
    await queue.acquire(1);
    void queue.acquire(1);
    await expect(queue.acquire(1)).resolves.toEqual({ ok: false, reason: 'queue_full' });
  });

  it('drops an aborted waiter and serves the next one', async () => {
    const queue = new SlotQueue([1, 2], 5);
    const held = await queue.acquire(2);
    const controller = new AbortController();
    const aborted = queue.acquire(2, controller.signal);
    const next = queue.acquire(1);
    controller.abort();
    await expect(aborted).resolves.toEqual({ ok: false, reason: 'aborted' });
    if (held.ok) queue.release(held.slots.slice(0, 1));
    await expect(next).resolves.toMatchObject({ ok: true });
  });

  it('refuses everything once closed', async () => {
    const queue = new SlotQueue([1], 5);
    await queue.acquire(1);
    const waiting = queue.acquire(1);
    queue.close();
    await expect(waiting).resolves.toEqual({ ok: false, reason: 'closed' });
    await expect(queue.acquire(1)).resolves.toEqual({ ok: false, reason: 'closed' });
  });

  it('rejects impossible requests as programmer errors', () => {
    const queue = new SlotQueue([1, 2], 5);
    expect(() => queue.acquire(3)).toThrow(RangeError);
    expect(() => queue.acquire(0)).toThrow(RangeError);
  });

  describe('per-client share of the wait queue', () => {
    it('is half the queue, at least one place', () => {
      expect([1, 2, 3, 8, 9].map(clientShareOf)).toEqual([1, 1, 1, 4, 4]);
    });

    it('refuses a client holding half the waiting places, while another client still gets in', async () => {
      const queue = new SlotQueue([1], 8);
      await queue.acquire(1, undefined, 'flooder'); // the running request is not counted
      const waiting = Array.from({ length: 4 }, () => queue.acquire(1, undefined, 'flooder'));
      expect(queue.waitingFor('flooder')).toBe(4);
      await expect(queue.acquire(1, undefined, 'flooder')).resolves.toEqual({ ok: false, reason: 'client_share_exceeded' });
      const other = queue.acquire(1, undefined, 'other');
      expect(queue.waitingCount).toBe(5);
      expect(queue.waitingFor('other')).toBe(1);
      queue.close();
      await Promise.all([...waiting, other]);
    });

    it('gives a place back when its waiter is served or aborted', async () => {
      const queue = new SlotQueue([1], 4);
      const held = await queue.acquire(1, undefined, 'a');
      const controller = new AbortController();
      const first = queue.acquire(1, undefined, 'a');
      const second = queue.acquire(1, controller.signal, 'a');
      await expect(queue.acquire(1, undefined, 'a')).resolves.toEqual({ ok: false, reason: 'client_share_exceeded' });
      controller.abort();
      await second;
      expect(queue.waitingFor('a')).toBe(1);
      if (held.ok) queue.release(held.slots);
      await expect(first).resolves.toMatchObject({ ok: true });
      expect(queue.waitingFor('a')).toBe(0);
    });

    it('still answers queue_full to a client within its share when the queue is full', async () => {
      const queue = new SlotQueue([1], 2);
      await queue.acquire(1);
      void queue.acquire(1, undefined, 'a');
      void queue.acquire(1, undefined, 'b');
      await expect(queue.acquire(1, undefined, 'c')).resolves.toEqual({ ok: false, reason: 'queue_full' });
    });

    it('counts requests without a client key against nobody', async () => {
      const queue = new SlotQueue([1], 4);
      await queue.acquire(1);
      const anonymous = [queue.acquire(1), queue.acquire(1), queue.acquire(1)];
      const named = queue.acquire(1, undefined, 'a');
      expect(queue.waitingCount).toBe(4);
      queue.close();
      await Promise.all([...anonymous, named]);
    });
  });
});
