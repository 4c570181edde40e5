import { peerAddressRefusal } from './peer-address-policy';

const strict = { allowLoopback: false };
const withLoopback = { allowLoopback: true };

describe('peerAddressRefusal', () => {
  it.each([
    '10.0.0.7',
    '172.16.5.4',
    '192.168.1.20',
    '100.64.0.1', // CGNAT (Tailscale)
    '169.254.10.10',
    'fd12:3456::1',
    'fe80::1',
    'fe80::1%eth0',
    '::ffff:192.168.1.20',
  ])('allows the local-network address %s', (ip) => {
    expect(peerAddressRefusal(ip, strict)).toBeNull();
  });

  it.each([
    ['169.254.169.254', 'cloud metadata'],
    ['169.254.170.2', 'cloud metadata'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['fd00:0ec2:0000::0254', 'cloud metadata'],
    ['100.100.100.200', 'cloud metadata'],
    ['::ffff:169.254.169.254', 'cloud metadata'],
    ['::ffff:a9fe:a9fe', 'cloud metadata'],
    ['8.8.8.8', 'public'],
    ['2606:4700:4700::1111', 'public'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['192.0.2.1', 'documentation'],
    ['240.0.0.1', 'reserved'],
    ['peer.lan', 'not an IP address'],
  ])('refuses %s (%s), loopback allowed or not', (ip, why) => {
    expect(peerAddressRefusal(ip, strict)).toContain(why);
    expect(peerAddressRefusal(ip, withLoopback)).toContain(why);
  });

  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])('allows the loopback address %s only when loopback is allowed', (ip) => {
    expect(peerAddressRefusal(ip, strict)).toContain('loopback');
    expect(peerAddressRefusal(ip, withLoopback)).toBeNull();
  });
});
