import { TestNetnsErrorCode } from '../errors/test-netns-error';
import { MAX_IFACE_NAME_LENGTH, planLan, type PlanEnvironment } from './plan-lan';

/** A deterministic environment: the same "random" value every call. */
function environment(value = 0.5, pid = 4242): PlanEnvironment {
  return { random: () => value, pid };
}

describe('planLan', () => {
  it('names hosts h0..hN-1 when given a count, with addresses .1..N on the subnet', () => {
    const plan = planLan({ hosts: 3, subnet: '10.77.9' }, environment());
    expect(plan.hosts.map((h) => h.label)).toEqual(['h0', 'h1', 'h2']);
    expect(plan.hosts.map((h) => h.address)).toEqual(['10.77.9.1', '10.77.9.2', '10.77.9.3']);
    expect(plan.subnet).toBe('10.77.9');
    expect(plan.prefixLength).toBe(24);
  });

  it('keeps given labels and puts pid and a random id in every namespace name', () => {
    const plan = planLan({ hosts: ['alpha', 'beta'] }, environment(0, 77));
    expect(plan.id).toBe('aaaaaa');
    expect(plan.hosts.map((h) => h.name)).toEqual(['lsn77-aaaaaa-alpha', 'lsn77-aaaaaa-beta']);
    expect(plan.hub).toBe('lsn77-aaaaaa-hub');
    expect(plan.namespaces).toEqual(['lsn77-aaaaaa-alpha', 'lsn77-aaaaaa-beta', 'lsn77-aaaaaa-hub']);
  });

  it('picks a random subnet in 10.77.0.0/16 when none is given', () => {
    expect(planLan({ hosts: 1 }, environment(0)).subnet).toBe('10.77.0');
    expect(planLan({ hosts: 1 }, environment(0.999999)).subnet).toBe('10.77.255');
  });

  it('gives distinct ids (hence names) to LANs planned with different randomness', () => {
    const a = planLan({ hosts: 2 }, { random: Math.random, pid: 1 });
    const b = planLan({ hosts: 2 }, { random: Math.random, pid: 1 });
    expect(a.id).not.toBe(b.id);
    expect(a.hosts[0]?.iface).not.toBe(b.hosts[0]?.iface);
  });

  it('keeps interface names within 15 characters even for the 254th host and long labels', () => {
    const plan = planLan({ hosts: 254 }, environment());
    for (const host of plan.hosts) {
      expect(host.iface.length).toBeLessThanOrEqual(MAX_IFACE_NAME_LENGTH);
      expect(host.hubIface.length).toBeLessThanOrEqual(MAX_IFACE_NAME_LENGTH);
    }
    const labelled = planLan({ hosts: ['a-very-long-name'] }, environment());
    expect(labelled.hosts[0]?.iface).toMatch(/^v-[a-z0-9]{6}-0$/);
    expect(plan.hosts[253]?.address).toBe(`${plan.subnet}.254`);
  });

  it('creates veths inside the namespaces, never in the root namespace', () => {
    const plan = planLan({ hosts: 2, subnet: '10.77.1' }, environment());
    for (const args of plan.setup) {
      const isNetnsAdmin = args[0] === 'netns';
      expect(isNetnsAdmin || args[0] === '-n').toBe(true);
    }
    const [h0] = plan.hosts;
    expect(plan.setup).toContainEqual([
      '-n', plan.hub, 'link', 'add', h0?.hubIface, 'type', 'veth', 'peer', 'name', h0?.iface, 'netns', h0?.name,
    ]);
  });

  it('sets up lo, the address, the link and a 224.0.0.0/4 multicast route on every host', () => {
    const plan = planLan({ hosts: ['a', 'b'], subnet: '10.77.3' }, environment());
    for (const host of plan.hosts) {
      expect(plan.setup).toContainEqual(['-n', host.name, 'link', 'set', 'lo', 'up']);
      expect(plan.setup).toContainEqual(['-n', host.name, 'addr', 'add', `${host.address}/24`, 'dev', host.iface]);
      expect(plan.setup).toContainEqual(['-n', host.name, 'link', 'set', host.iface, 'up']);
      expect(plan.setup).toContainEqual(['-n', host.name, 'route', 'add', '224.0.0.0/4', 'dev', host.iface]);
      expect(plan.setup).toContainEqual(['-n', plan.hub, 'link', 'set', host.hubIface, 'master', plan.bridge]);
    }
  });

  it('adds the namespaces before anything uses them', () => {
    const plan = planLan({ hosts: 2 }, environment());
    const firstUse = plan.setup.findIndex((args) => args[0] === '-n');
    const adds = plan.setup.map((args, index) => (args[1] === 'add' && args[0] === 'netns' ? index : -1)).filter((i) => i >= 0);
    expect(adds).toHaveLength(3);
    expect(Math.max(...adds)).toBeLessThan(firstUse);
  });

  it.each([
    [{ hosts: 0 }, /1 to 254/],
    [{ hosts: 255 }, /1 to 254/],
    [{ hosts: 1.5 }, /integer/],
    [{ hosts: [] }, /1 to 254/],
    [{ hosts: ['ok', 'ok'] }, /twice/],
    [{ hosts: ['hub'] }, /reserved/],
    [{ hosts: ['has space'] }, /letters/],
    [{ hosts: ['x'.repeat(17)] }, /letters/],
    [{ hosts: 1, subnet: '10.77' }, /three octets/],
    [{ hosts: 1, subnet: '10.77.256' }, /three octets/],
    [{ hosts: 1, subnet: '10.77.1.0' }, /three octets/],
  ])('rejects %j', (options, message) => {
    expect(() => planLan(options, environment())).toThrow(message);
    expect(() => planLan(options, environment())).toThrow(
      expect.objectContaining({ code: TestNetnsErrorCode.INVALID_OPTIONS }),
    );
  });
});
