import { normalizeHostName } from './normalize-host-name';
import { parseHostHeader } from './parse-host-header';

describe('parseHostHeader', () => {
  it.each([
    ['localhost:17615', 'localhost'],
    ['LocalHost', 'localhost'],
    ['Box.Local.:80', 'box.local'],
    ['192.168.1.5:17615', '192.168.1.5'],
    ['[::1]:17615', '::1'],
    ['[FE80::1]', 'fe80::1'],
    ['my_box', 'my_box'],
  ])('%s → %s', (header, host) => {
    expect(parseHostHeader(header)).toBe(host);
  });

  it.each([
    [undefined],
    [''],
    [':80'],
    ['::1'],
    ['[::1'],
    ['[127.0.0.1]'],
    ['[fe80::1%25eth0]'],
    ['host:'],
    ['host:99999'],
    ['host:80:81'],
    ['host:8o'],
    ['user@host'],
    ['host/path'],
    ['host?x'],
    ['host#x'],
    ['ho st'],
    [' host'],
    ['host%2e'],
    ['a..b'],
    ['.'],
    [`${'a'.repeat(64)}.local`],
    [`${'a.'.repeat(127)}local`],
  ])('refuses %j', (header) => {
    expect(parseHostHeader(header)).toBeNull();
  });
});

describe('normalizeHostName', () => {
  it.each([
    ['Node-A.LAN', 'node-a.lan'],
    ['node-a.lan.', 'node-a.lan'],
    ['203.0.113.5', '203.0.113.5'],
    ['2001:DB8::5', '2001:db8::5'],
    ['[2001:db8::5]', '2001:db8::5'],
  ])('%s → %s', (value, host) => {
    expect(normalizeHostName(value)).toBe(host);
  });

  it.each([['node:80'], ['http://node'], ['node/x'], [''], ['*.example'], ['fe80::1%eth0']])('refuses %j', (value) => {
    expect(normalizeHostName(value)).toBeNull();
  });
});
