import type { AddressClass } from '@local-swarm/net-binding';
import { ApiKey } from '../security/api-key';
import { checkBindExposure, readNodeApiKey } from './api-access';
import { StartupError } from './startup-error';

const KEY = 'x'.repeat(40);

describe('checkBindExposure', () => {
  it.each<[string, AddressClass]>([
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['203.0.113.9', 'documentation'],
    ['8.8.8.8', 'public'],
  ])('refuses %s (%s) without an API key', (address, addressClass) => {
    expect(() => checkBindExposure({ address, addressClass }, null)).toThrow(StartupError);
    expect(() => checkBindExposure({ address, addressClass }, null)).toThrow(`--host ${address} listens on`);
    expect(() => checkBindExposure({ address, addressClass }, null)).toThrow('--api-key-file');
  });

  it.each<[string, AddressClass]>([
    ['0.0.0.0', 'unspecified'],
    ['8.8.8.8', 'public'],
  ])('allows %s with an API key', (address, addressClass) => {
    expect(() => checkBindExposure({ address, addressClass }, new ApiKey(KEY))).not.toThrow();
  });

  it.each<[string, AddressClass]>([
    ['127.0.0.1', 'loopback'],
    ['192.168.1.20', 'private'],
    ['fd00::5', 'private'],
    ['100.101.1.2', 'cgnat'],
    ['169.254.3.4', 'link_local'],
  ])('allows %s (%s) without a key, as before', (address, addressClass) => {
    expect(() => checkBindExposure({ address, addressClass }, null)).not.toThrow();
  });
});

describe('readNodeApiKey', () => {
  it('is null without --api-key-file', () => {
    expect(readNodeApiKey({ apiKeyFile: null })).toBeNull();
  });

  it('reads the key of the file', () => {
    const key = readNodeApiKey({ apiKeyFile: '/keys/node' }, { mode: () => 0o100600, readText: () => `${KEY}\n` });
    expect(key?.matches(KEY)).toBe(true);
  });

  it('stops the start with the reason when the file is readable by others', () => {
    const read = (): unknown => readNodeApiKey({ apiKeyFile: '/keys/node' }, { mode: () => 0o100644, readText: () => KEY });
    expect(read).toThrow(StartupError);
    expect(read).toThrow(/^--api-key-file: key file \/keys\/node has mode 0644: group and others must not have access; run "chmod 600 \/keys\/node"/);
  });
});
