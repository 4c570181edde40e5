/**
 * A paired peer's entry moves to a newly announced address only after a sealed health check
 * there is signed by its own node id (health checks faked per address; no mDNS, no sockets).
 */
import { asPeerId, FederationErrorCode, type ClientResult, type FederationLogger, type HealthReport } from '@local-swarm/federation-protocol';
import type { HealthChecker } from '../health/health-monitor';
import type { DiscoveredPeer } from '../registry/peer-registry';
import { waitFor } from '../testing/peer-fixtures';
import { PeerDirectory } from './peer-directory';
import type { PeerTrustPolicy } from './peer-trust';

const KEY_ID = '95341bff0acfa7d1';
const PAIRED: PeerTrustPolicy = { ownKeyId: KEY_ID, isBlocked: () => false };
const OPEN: PeerTrustPolicy = { ownKeyId: null, isBlocked: () => false };
const HOME = 'http://10.0.0.2:17615';
const SPOOFED = 'http://10.0.0.66:17615';

const announced = (address: string): DiscoveredPeer => ({
  nodeId: 'ls-a', name: 'ls-a', address, port: 17615, modelId: null, instances: 1, keyId: KEY_ID, lastSeen: 1000,
});

const answersAs = (nodeId: string): ClientResult<HealthReport> => ({ ok: true, value: { nodeId: asPeerId(nodeId), modelId: null, instances: 1, load: null, rttMs: 1 } });
const SEAL_REFUSED: ClientResult<HealthReport> = { ok: false, error: { code: FederationErrorCode.BAD_SEAL, message: 'the reply is not sealed with this swarm key', sealCode: null } };

interface Lines {
  readonly info: { message: string; fields: Record<string, unknown> }[];
  readonly warn: { message: string; fields: Record<string, unknown> }[];
}

/** A started directory whose health check at each base URL answers `answers.get(url)` (refused when absent). */
function directoryWith(trust: PeerTrustPolicy, answers: Map<string, () => Promise<ClientResult<HealthReport>>>) {
  const checked: string[] = [];
  const lines: Lines = { info: [], warn: [] };
  const logger: FederationLogger = {
    debug: () => undefined,
    error: () => undefined,
    info: (message, fields = {}) => lines.info.push({ message, fields }),
    warn: (message, fields = {}) => lines.warn.push({ message, fields }),
  };
  const healthCheckerFor = (peer: { baseUrl: string }): HealthChecker => ({
    health: () => {
      checked.push(peer.baseUrl);
      return (answers.get(peer.baseUrl) ?? (() => Promise.resolve(SEAL_REFUSED)))();
    },
  });
  const directory = new PeerDirectory({
    nodeId: 'ls-self',
    settings: { peers: [], unhealthyAfterFailures: 2, healthIntervalMs: 60_000, voteTimeoutMs: 5000 },
    logger,
    onVoteFailed: () => undefined,
    trust,
    healthCheckerFor,
  });
  directory.start();
  directories.push(directory);
  return { directory, checked, lines };
}

const directories: PeerDirectory[] = [];
afterEach(async () => {
  await Promise.all(directories.splice(0).map((directory) => directory.stop()));
});

/** A paired member ls-a, healthy at HOME. */
async function memberAtHome(answers: Map<string, () => Promise<ClientResult<HealthReport>>>, trust = PAIRED) {
  answers.set(HOME, () => Promise.resolve(answersAs('ls-a')));
  const setup = directoryWith(trust, answers);
  setup.directory.seen(announced('10.0.0.2'));
  await waitFor(() => setup.directory.healthySources().length === 1);
  return setup;
}

const addressOf = (directory: PeerDirectory): string | undefined => {
  const [row] = directory.list();
  return row === undefined ? undefined : `${row.address}:${row.port}`;
};

describe('a paired peer announced at a new address', () => {
  it('stays at its old address, still voting, when the check at the new one fails; one warning per address', async () => {
    const { directory, checked, lines } = await memberAtHome(new Map());
    directory.seen(announced('10.0.0.66'));
    await waitFor(() => lines.warn.length === 1);
    expect(checked).toContain(SPOOFED);
    expect(lines.warn[0]).toEqual({
      message: expect.stringContaining('announced new address of a paired peer ignored'),
      fields: { nodeId: 'ls-a', address: SPOOFED, reason: expect.stringContaining('not sealed with this swarm key') },
    });
    expect(addressOf(directory)).toBe('10.0.0.2:17615');
    expect(directory.healthySources().map((peer) => peer.nodeId)).toEqual(['ls-a']);

    directory.seen(announced('10.0.0.66'));
    await waitFor(() => checked.filter((url) => url === SPOOFED).length === 2);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.warn).toHaveLength(1);
    expect(addressOf(directory)).toBe('10.0.0.2:17615');
  });

  it('stays when the new address answers as another node', async () => {
    const answers = new Map([[SPOOFED, () => Promise.resolve(answersAs('ls-b'))]]);
    const { directory, lines } = await memberAtHome(answers);
    directory.seen(announced('10.0.0.66'));
    await waitFor(() => lines.warn.length === 1);
    expect(lines.warn[0]?.fields['reason']).toBe('it answers as node ls-b');
    expect(addressOf(directory)).toBe('10.0.0.2:17615');
    expect(directory.healthySources().map((peer) => peer.nodeId)).toEqual(['ls-a']);
  });

  it('moves once the check at the new address is signed by the same node id, and logs it', async () => {
    const answers = new Map([['http://10.0.0.9:17615', () => Promise.resolve(answersAs('ls-a'))]]);
    const { directory, lines } = await memberAtHome(answers);
    directory.seen(announced('10.0.0.9'));
    await waitFor(() => addressOf(directory) === '10.0.0.9:17615');
    expect(lines.info).toContainEqual({ message: 'peer moved', fields: { nodeId: 'ls-a', from: '10.0.0.2:17615', to: '10.0.0.9:17615' } });
    expect(directory.list()[0]?.status).toBe('healthy');
    expect(lines.warn).toEqual([]);
  });

  it('runs one check at a time per peer, however many new addresses are announced meanwhile', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<ClientResult<HealthReport>>((resolve) => (release = () => resolve(SEAL_REFUSED)));
    const answers = new Map([
      [SPOOFED, () => held],
      ['http://10.0.0.67:17615', () => held],
    ]);
    const { directory, checked, lines } = await memberAtHome(answers);
    directory.seen(announced('10.0.0.66'));
    directory.seen(announced('10.0.0.67'));
    directory.seen(announced('10.0.0.66'));
    expect(checked.filter((url) => url !== HOME)).toEqual([SPOOFED]);
    release();
    await waitFor(() => lines.warn.length === 1);
    expect(addressOf(directory)).toBe('10.0.0.2:17615');
  });

  it('open federation moves the entry at once, as before', async () => {
    const { directory, checked } = await memberAtHome(new Map(), OPEN);
    directory.seen(announced('10.0.0.66'));
    expect(addressOf(directory)).toBe('10.0.0.66:17615');
    expect(checked).not.toContain(SPOOFED);
  });
});
