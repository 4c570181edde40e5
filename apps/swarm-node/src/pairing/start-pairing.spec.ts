import { formatJoinString, newSwarmKey, swarmKeyId } from '@local-swarm/federation-protocol';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StartupError } from '../bootstrap/startup-error';
import { DEFAULT_NODE_CONFIG, type FederationConfig } from '../config';
import { startPairing } from './start-pairing';

let dir: string;
let settings: FederationConfig;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'start-pairing-'));
  settings = { ...DEFAULT_NODE_CONFIG.federation, enabled: true, configDir: dir };
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('startPairing', () => {
  it('creates a swarm on first start: identity and key in the config dir, a paired trust line and how to add machines', () => {
    const started = startPairing(settings, {});
    expect(started.membership?.identity.nodeId).toMatch(/^ls-[a-z2-7]{26}$/);
    expect(existsSync(join(dir, 'node-key.pem'))).toBe(true);
    expect(started.trustLine).toBe(`paired (key id ${started.membership?.keyId})`);
    expect(started.notes.join('\n')).toMatch(/local-swarm key show[\s\S]*local-swarm --federation --join/);
    expect(startPairing(settings, {}).notes).toEqual([]);
    expect(startPairing(settings, {}).membership?.identity.nodeId).toBe(started.membership?.identity.nodeId);
  });

  it('joins the swarm of a join string (its key id) with no new-swarm hint', () => {
    const key = newSwarmKey();
    const started = startPairing({ ...settings, join: formatJoinString(key) }, {});
    expect(started.membership?.keyId).toBe(swarmKeyId(key));
    expect(started.notes).toEqual([]);
  });

  it('open federation: no membership, no identity file, a loud warning', () => {
    const started = startPairing({ ...settings, open: true }, {});
    expect(started.membership).toBeNull();
    expect(started.trustLine).toBe('open (ANY host on the LAN may vote)');
    expect(started.notes.join('\n')).toMatch(/WARNING .*ANY host on the LAN/);
    expect(existsSync(join(dir, 'node-key.pem'))).toBe(false);
  });

  it('loads the block list, and a malformed one stops the start', () => {
    writeFileSync(join(dir, 'blocked.json'), '{"blocked": ["ls-bad"]}');
    expect(startPairing(settings, {}).federationOptions.isBlocked?.('ls-bad')).toBe(true);
    expect(startPairing(settings, {}).federationOptions.isBlocked?.('ls-ok')).toBe(false);
    writeFileSync(join(dir, 'blocked.json'), 'nope');
    expect(() => startPairing(settings, {})).toThrow(StartupError);
  });

  it('a bad join string stops the start (StartupError, exit 2)', () => {
    expect(() => startPairing({ ...settings, join: 'lsjoin1:short' }, {})).toThrow(StartupError);
  });
});
