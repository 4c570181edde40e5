import { netnsAvailable, netnsUnavailableReason, type NetnsProbe } from './netns-available';

function probe(overrides: Partial<NetnsProbe> = {}): NetnsProbe {
  return { uid: () => 0, ipRuns: () => true, platform: 'linux', ...overrides };
}

describe('netnsUnavailableReason', () => {
  it('is null for root on Linux with a working `ip netns`', () => {
    expect(netnsUnavailableReason(probe())).toBeNull();
    expect(netnsAvailable(probe())).toBe(true);
  });

  it.each<[string, Partial<NetnsProbe>, RegExp]>([
    ['not Linux', { platform: 'darwin' }, /need Linux/],
    ['not root', { uid: () => 1000 }, /need root/],
    ['no uid (Windows)', { uid: () => undefined }, /need root/],
    ['no ip', { ipRuns: (args) => args[0] !== '-V' }, /iproute2 is missing/],
    ['netns not allowed', { ipRuns: (args) => args[0] === '-V' }, /does not allow network namespaces/],
  ])('explains why when %s', (_case, overrides, reason) => {
    expect(netnsUnavailableReason(probe(overrides))).toMatch(reason);
    expect(netnsAvailable(probe(overrides))).toBe(false);
  });

  it('does not run `ip` at all when not root', () => {
    const ipRuns = jest.fn(() => true);
    netnsUnavailableReason(probe({ uid: () => 1000, ipRuns }));
    expect(ipRuns).not.toHaveBeenCalled();
  });
});
