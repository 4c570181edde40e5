import { FederationErrorCode } from '../errors/federation-error';
import { parsePeerAddress, type PeerAddress } from './parse-peer-address';

describe('parsePeerAddress', () => {
  const valid: readonly (readonly [string, PeerAddress])[] = [
    ['192.168.1.101:17615', { kind: 'federation', host: '192.168.1.101', port: 17615 }],
    ['192.168.1.101', { kind: 'federation', host: '192.168.1.101', port: 17615 }],
    ['  10.0.0.2:8000  ', { kind: 'federation', host: '10.0.0.2', port: 8000 }],
    ['Mac-Studio.local:17615', { kind: 'federation', host: 'mac-studio.local', port: 17615 }],
    ['localhost:1', { kind: 'federation', host: 'localhost', port: 1 }],
    ['peer.lan.:65535', { kind: 'federation', host: 'peer.lan', port: 65535 }],
    ['[fd00::1]:17615', { kind: 'federation', host: 'fd00::1', port: 17615 }],
    ['[::1]', { kind: 'federation', host: '::1', port: 17615 }],
    ['openai+http://10.0.0.5:8080/v1', { kind: 'openai', baseUrl: 'http://10.0.0.5:8080/v1', host: '10.0.0.5', port: 8080 }],
    ['openai+http://10.0.0.5:8080/v1/', { kind: 'openai', baseUrl: 'http://10.0.0.5:8080/v1', host: '10.0.0.5', port: 8080 }],
    ['OpenAI+HTTP://GPU-Box:11434/v1', { kind: 'openai', baseUrl: 'http://gpu-box:11434/v1', host: 'gpu-box', port: 11434 }],
    ['openai+http://gpu-box/v1', { kind: 'openai', baseUrl: 'http://gpu-box:80/v1', host: 'gpu-box', port: 80 }],
    ['openai+http://[fd00::5]:8080', { kind: 'openai', baseUrl: 'http://[fd00::5]:8080', host: 'fd00::5', port: 8080 }],
    ['openai+https://gpu-box.lan/v1', { kind: 'openai', baseUrl: 'https://gpu-box.lan:443/v1', host: 'gpu-box.lan', port: 443 }],
    ['openai+https://gpu-box.lan:443/v1/', { kind: 'openai', baseUrl: 'https://gpu-box.lan:443/v1', host: 'gpu-box.lan', port: 443 }],
    ['OPENAI+HTTPS://10.0.0.5:8443/v1', { kind: 'openai', baseUrl: 'https://10.0.0.5:8443/v1', host: '10.0.0.5', port: 8443 }],
    ['openai+https://[fd00::5]:8443', { kind: 'openai', baseUrl: 'https://[fd00::5]:8443', host: 'fd00::5', port: 8443 }],
    // 80 is not the default of https: written out, it stays.
    ['openai+https://10.0.0.5:80/v1', { kind: 'openai', baseUrl: 'https://10.0.0.5:80/v1', host: '10.0.0.5', port: 80 }],
  ];

  it.each(valid)('parses %p', (input, peer) => {
    expect(parsePeerAddress(input)).toEqual({ ok: true, peer });
  });

  const invalid: readonly (readonly [string, RegExp])[] = [
    ['', /empty/],
    ['   ', /empty/],
    ['192.168.1.101:0', /port/],
    ['192.168.1.101:65536', /port/],
    ['192.168.1.101:http', /port/],
    ['192.168.1.101:', /port/],
    ['192.168.1.101:-1', /port/],
    [':17615', /host is empty/],
    ['192.168.1.300:17615', /neither an IP/],
    ['999.1.1.1', /neither an IP/],
    ['bad_host:17615', /neither an IP/],
    ['-peer:17615', /neither an IP/],
    ['peer..lan:17615', /neither an IP/],
    [`${'a'.repeat(64)}.lan:17615`, /neither an IP/],
    ['fd00::1:17615', /brackets/],
    ['[fd00::1:17615', /missing "]"/],
    ['[fd00::1]17615', /expected ":port"/],
    ['[not-ipv6]:17615', /not an IPv6/],
    ['[fe80::1%eth0]:17615', /zone/],
    ['http://192.168.1.5:17615', /host:port for a Local Swarm peer/],
    ['https://api.example.com/v1', /host:port for a Local Swarm peer/],
    ['openai+ftp://x/v1', /only openai\+http:\/\/ and openai\+https:\/\//],
    ['openai+constructor://x/v1', /only openai\+http/],
    ['openai+10.0.0.5:8080', /only openai\+http/],
    ['openai+https://user:pw@10.0.0.5/v1', /credentials/],
    ['openai+https://10.0.0.5/v1#frag', /fragment/],
    ['openai+https://10.0.0.5:0/v1', /port/],
    ['openai+https://bad_host/v1', /neither an IP|not a valid URL/],
    ['openai+https://', /not a valid URL/],
    ['openai+http://user:pw@10.0.0.5:8080/v1', /credentials/],
    ['openai+http://10.0.0.5:8080/v1?key=1', /query/],
    ['openai+http://10.0.0.5:0/v1', /port/],
    ['openai+http://10.0.0.5:70000/v1', /not a valid URL/],
    ['openai+http://bad_host:8080/v1', /neither an IP|not a valid URL/],
    ['openai+http://', /not a valid URL/],
  ];

  it.each(invalid)('refuses %p', (input, reason) => {
    const result = parsePeerAddress(input);
    if (result.ok) throw new Error(`accepted ${input}`);
    expect(result.error.code).toBe(FederationErrorCode.INVALID_ADDRESS);
    expect(result.error.param).toBe('address');
    expect(result.error.message).toMatch(reason);
  });
});
