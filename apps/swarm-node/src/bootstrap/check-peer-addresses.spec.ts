import { checkPeerAddresses } from './check-peer-addresses';
import { StartupError } from './startup-error';

function check(peers: readonly string[], allowLoopbackPeers = false): string | null {
  try {
    checkPeerAddresses({ peers, allowLoopbackPeers });
    return null;
  } catch (error: unknown) {
    if (!(error instanceof StartupError)) throw error;
    return error.message;
  }
}

describe('checkPeerAddresses', () => {
  it('accepts local-network peers and host names (those are checked at every connection)', () => {
    expect(check(['10.0.0.7:17615', '192.168.1.20', '100.64.1.2:17615', '[fd12::7]:17615', 'openai+http://172.16.0.5:8080/v1', 'peer-b.local:17615'])).toBeNull();
  });

  it.each([
    ['169.254.169.254:80', 'cloud metadata endpoint'],
    ['openai+http://169.254.169.254/latest', 'cloud metadata endpoint'],
    ['100.100.100.200:80', 'cloud metadata endpoint'],
    ['[fd00:ec2::254]:80', 'cloud metadata endpoint'],
    ['8.8.8.8:17615', 'public'],
    ['0.0.0.0:17615', 'unspecified'],
  ])('refuses --peer %s (%s), loopback allowed or not', (peer, why) => {
    for (const allowLoopback of [false, true]) {
      const message = check([peer], allowLoopback);
      expect(message).toContain(`--peer ${peer}:`);
      expect(message).toContain(why);
    }
  });

  it('refuses a loopback peer unless --allow-loopback-peers is given', () => {
    expect(check(['127.0.0.1:17616'])).toBe(
      '--peer 127.0.0.1:17616: 127.0.0.1 is a loopback address and loopback peers are not allowed (--allow-loopback-peers allows loopback peers)',
    );
    expect(check(['[::1]:17616'])).toContain('loopback');
    expect(check(['127.0.0.1:17616', '[::1]:17616'], true)).toBeNull();
  });

  it('still refuses an address that does not parse', () => {
    expect(check(['http://10.0.0.1:17615'])).toContain('--peer http://10.0.0.1:17615: peer address');
  });
});
