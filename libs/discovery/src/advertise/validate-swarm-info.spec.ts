import { DiscoveryErrorCode } from '../errors/discovery-error';
import type { SwarmInfo } from '../peers/peer-info';
import { fitServiceName, hostnameFor, MAX_SERVICE_NAME_BYTES, nodeIdProblem, validateSwarmInfo } from './validate-swarm-info';

const info: SwarmInfo = {
  name: 'local-swarm on box',
  nodeId: 'n1',
  version: '0.1.0',
  instances: 2,
  modelId: 'm',
  hardwareSummary: 'hw',
  apiPort: 17615,
  protocol: 1,
};

describe('validateSwarmInfo', () => {
  it('accepts a good info', () => {
    expect(() => validateSwarmInfo(info, 'n1')).not.toThrow();
    expect(() => validateSwarmInfo({ ...info, keyId: '95341bff0acfa7d1' }, 'n1')).not.toThrow();
  });

  it.each<[string, Partial<SwarmInfo>, RegExp]>([
    ['an empty name', { name: ' \u0000 ' }, /name/],
    ['another node id', { nodeId: 'n2' }, /differs/],
    ['port 0', { apiPort: 0 }, /apiPort/],
    ['port 70000', { apiPort: 70_000 }, /apiPort/],
    ['a fractional port', { apiPort: 80.5 }, /apiPort/],
    ['0 instances', { instances: 0 }, /instances/],
    ['2000 instances', { instances: 2000 }, /instances/],
    ['a negative protocol', { protocol: -1 }, /protocol/],
    ['a non-string model id', { modelId: 5 as unknown as string }, /modelId/],
    ['a key id of 15 hex digits', { keyId: '95341bff0acfa7d' }, /keyId/],
    ['a key id that is not hex', { keyId: '95341bff0acfa7dz' }, /keyId/],
  ])('rejects %s', (_case, change, message) => {
    expect(() => validateSwarmInfo({ ...info, ...change }, 'n1')).toThrow(message);
    expect(() => validateSwarmInfo({ ...info, ...change }, 'n1')).toThrow(expect.objectContaining({ code: DiscoveryErrorCode.INVALID_INFO }));
  });
});

describe('nodeIdProblem', () => {
  it.each<[unknown, boolean]>([
    ['abc-123', true],
    ['', false],
    ['   ', false],
    [' padded', false],
    ['ctl\u0007', false],
    ['x'.repeat(201), false],
    [42, false],
  ])('%j is usable: %s', (nodeId, usable) => {
    expect(nodeIdProblem(nodeId) === null).toBe(usable);
  });
});

describe('fitServiceName', () => {
  it('keeps an ordinary name', () => {
    expect(fitServiceName('local-swarm on box')).toBe('local-swarm on box');
  });

  it('replaces dots (hostnames like box.lan) and drops control characters', () => {
    expect(fitServiceName('local-swarm on box.lan\n')).toBe('local-swarm on box-lan');
  });

  it('cuts to 56 bytes, leaving room in the 63-byte label for a " (NN)" rename', () => {
    const fitted = fitServiceName(`local-swarm on ${'ü'.repeat(60)}`);
    expect(Buffer.byteLength(fitted)).toBeLessThanOrEqual(MAX_SERVICE_NAME_BYTES);
    expect(fitted.startsWith('local-swarm on ü')).toBe(true);
  });
});

describe('hostnameFor', () => {
  it.each([
    ['local-swarm on box', 'local-swarm-on-box'],
    ['same (2)', 'same-2'],
    ['Ünïcode name', 'Unicode-name'],
    ['***', 'local-swarm'],
  ])('%j → %j', (name, hostname) => {
    expect(hostnameFor(name)).toBe(hostname);
  });
});
