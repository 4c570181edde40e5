import type { NetworkInterfaceInfo } from 'node:os';
import type { Advertiser, AdvertisedService } from '../advertise/advertiser';
import type { Browser, BrowserHandlers } from '../browse/browser';
import { DiscoveryErrorCode } from '../errors/discovery-error';
import type { Logger } from '../logger/logger';
import type { NetworkInterfaceTable } from '../network/local-interface';
import type { PeerInfo, SwarmInfo } from '../peers/peer-info';
import type { DiscoveryQuestion } from '../records/discovery-record';
import type { DiscoveryOptions } from './discovery-options';
import { SwarmDiscovery } from './swarm-discovery';

const PTR = '_local-swarm._tcp.local';

class FakeAdvertiser implements Advertiser {
  advertised: AdvertisedService | undefined;
  shutdowns = 0;
  nameChanged: ((name: string) => void) | undefined;
  result: Promise<void> = Promise.resolve();

  advertise(service: AdvertisedService, onNameChanged: (name: string) => void): Promise<void> {
    this.advertised = service;
    this.nameChanged = onNameChanged;
    return this.result;
  }

  shutdown(): Promise<void> {
    this.shutdowns += 1;
    return Promise.resolve();
  }
}

class FakeBrowser implements Browser {
  queries: DiscoveryQuestion[][] = [];
  closed = 0;
  constructor(
    readonly handlers: BrowserHandlers,
    private readonly startError?: Error,
  ) {}
  start(): Promise<void> {
    return this.startError === undefined ? Promise.resolve() : Promise.reject(this.startError);
  }
  query(questions: readonly DiscoveryQuestion[]): void {
    this.queries.push([...questions]);
  }
  close(): Promise<void> {
    this.closed += 1;
    return Promise.resolve();
  }
  /** A response as multicast-dns decodes it, from `source`. */
  respond(answers: readonly Record<string, unknown>[], source = '10.77.1.2'): void {
    this.handlers.onResponse({ type: 'response', answers, additionals: [] }, source);
  }
}

function v4(address: string): NetworkInterfaceInfo {
  return { address, netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: false, cidr: null };
}

const interfaces: NetworkInterfaceTable = { lo: [v4('127.0.0.1')], 'v-test': [v4('10.77.1.1')] };

/** The records one node answers with (TTL 0: its goodbye). */
function answersFor(name: string, nodeId: string, address: string, ttl = 4500, extra = ''): Record<string, unknown>[] {
  const fqdn = `${name}.${PTR}`;
  const host = `${name}.local`;
  const txt = [`node_id=${nodeId}`, 'api_port=17615', 'instances=2', extra].filter((e) => e !== '').map((e) => Buffer.from(e));
  return [
    { name: PTR, type: 'PTR', ttl, data: fqdn },
    { name: fqdn, type: 'SRV', ttl: ttl === 0 ? 0 : 120, data: { port: 17615, target: host, priority: 0, weight: 0 } },
    { name: fqdn, type: 'TXT', ttl, data: txt },
    { name: host, type: 'A', ttl: ttl === 0 ? 0 : 120, flush: true, data: address },
  ];
}

const info: SwarmInfo = {
  name: 'local-swarm on test',
  nodeId: 'self',
  version: '0.1.0',
  instances: 2,
  modelId: 'm',
  hardwareSummary: 'hw',
  apiPort: 17615,
  protocol: 1,
};

function recordingLogger(): Logger & { lines: { level: string; message: string }[] } {
  const lines: { level: string; message: string }[] = [];
  const at = (level: string) => (message: string) => void lines.push({ level, message });
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function setup(options: Partial<DiscoveryOptions> = {}, browserStartError?: Error) {
  const advertiser = new FakeAdvertiser();
  const browsers: FakeBrowser[] = [];
  const logger = recordingLogger();
  const discovery = new SwarmDiscovery(
    { interfaceName: 'v-test', address: '10.77.1.1', nodeId: 'self', peerTtlMs: 3_000, queryIntervalMs: 1_000, logger, ...options },
    {
      createAdvertiser: () => advertiser,
      createBrowser: (_bound, handlers) => {
        const browser = new FakeBrowser(handlers, browserStartError);
        browsers.push(browser);
        return browser;
      },
      networkInterfaces: () => interfaces,
      now: () => Date.now(),
    },
  );
  const events: [string, ...unknown[]][] = [];
  discovery.on('peer-joined', (peer) => events.push(['peer-joined', peer.nodeId]));
  discovery.on('peer-updated', (peer) => events.push(['peer-updated', peer.nodeId]));
  discovery.on('peer-left', (peer, reason) => events.push(['peer-left', peer.nodeId, reason]));
  discovery.on('name-changed', (name) => events.push(['name-changed', name]));
  const browser = (): FakeBrowser => {
    const last = browsers[browsers.length - 1];
    if (last === undefined) throw new Error('no browser was created');
    return last;
  };
  return { discovery, advertiser, browser, events, logger };
}

describe('SwarmDiscovery', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  describe('options', () => {
    it.each<[string, Partial<DiscoveryOptions>, RegExp]>([
      ['no interface', { interfaceName: '' }, /interfaceName/],
      ['an IPv6 address', { address: 'fe80::1' }, /IPv4/],
      ['an empty node id', { nodeId: '' }, /nodeId/],
      ['a TTL shorter than two query intervals', { peerTtlMs: 1_500, queryIntervalMs: 1_000 }, /twice/],
      ['a tiny query interval', { queryIntervalMs: 5 }, /at least 100/],
    ])('rejects %s', (_case, options, message) => {
      expect(() => setup(options)).toThrow(message);
      expect(() => setup(options)).toThrow(expect.objectContaining({ code: DiscoveryErrorCode.INVALID_OPTIONS }));
    });

    it('defaults to a 60 s peer TTL and a 5 s query interval', async () => {
      const { discovery, browser } = setup({ peerTtlMs: undefined as unknown as number, queryIntervalMs: undefined as unknown as number });
      await discovery.startDiscovery();
      jest.advanceTimersByTime(4_999);
      expect(browser().queries).toHaveLength(1);
      jest.advanceTimersByTime(1);
      expect(browser().queries).toHaveLength(2);
      browser().respond(answersFor('peer', 'n1', '10.77.1.2'));
      jest.advanceTimersByTime(59_000);
      expect(discovery.peers()).toHaveLength(1);
      jest.advanceTimersByTime(2_000);
      expect(discovery.peers()).toHaveLength(0);
    });
  });

  describe('discovery', () => {
    it('queries PTR at start and every queryIntervalMs', async () => {
      const { discovery, browser } = setup();
      expect(discovery.state).toBe('idle');
      await discovery.startDiscovery();
      expect(discovery.state).toBe('running');
      expect(browser().queries).toEqual([[{ name: PTR, type: 'PTR' }]]);
      jest.advanceTimersByTime(3_000);
      expect(browser().queries).toHaveLength(4);
    });

    it('reports peers joining, updating and saying goodbye', async () => {
      const { discovery, browser, events } = setup();
      await discovery.startDiscovery();
      browser().respond(answersFor('peer', 'n1', '10.77.1.2'));
      browser().respond(answersFor('peer', 'n1', '10.77.1.2', 4500, 'model_id=new'));
      expect(discovery.peers()).toEqual([expect.objectContaining<Partial<PeerInfo>>({ nodeId: 'n1', address: '10.77.1.2', modelId: 'new' })]);
      browser().respond(answersFor('peer', 'n1', '10.77.1.2', 0));
      expect(events).toEqual([
        ['peer-joined', 'n1'],
        ['peer-updated', 'n1'],
        ['peer-left', 'n1', 'goodbye'],
      ]);
      expect(discovery.peers()).toEqual([]);
    });

    it('ignores its own advertisement', async () => {
      const { discovery, browser, events } = setup();
      await discovery.startDiscovery();
      browser().respond(answersFor('me', 'self', '10.77.1.1'), '10.77.1.1');
      expect(events).toEqual([]);
      expect(discovery.peers()).toEqual([]);
    });

    it('expires a peer unseen for peerTtlMs; answers keep it alive', async () => {
      const { discovery, browser, events } = setup();
      await discovery.startDiscovery();
      browser().respond(answersFor('peer', 'n1', '10.77.1.2'));
      for (let i = 0; i < 5; i += 1) {
        jest.advanceTimersByTime(1_000);
        browser().respond(answersFor('peer', 'n1', '10.77.1.2'));
      }
      expect(events).toEqual([['peer-joined', 'n1']]);
      jest.advanceTimersByTime(3_000 + 750);
      expect(events).toEqual([
        ['peer-joined', 'n1'],
        ['peer-left', 'n1', 'expired'],
      ]);
    });

    it('asks for missing records right after a partial answer', async () => {
      const { discovery, browser, events } = setup();
      await discovery.startDiscovery();
      browser().respond([{ name: PTR, type: 'PTR', ttl: 4500, data: `lone.${PTR}` }]);
      expect(browser().queries[1]).toEqual([
        { name: `lone.${PTR}`, type: 'SRV' },
        { name: `lone.${PTR}`, type: 'TXT' },
      ]);
      browser().respond(answersFor('lone', 'n7', '10.77.1.7').slice(1));
      expect(events).toEqual([['peer-joined', 'n7']]);
    });

    it('ignores responses from outside the bound subnet and malformed packets', async () => {
      const { discovery, browser, events } = setup();
      await discovery.startDiscovery();
      browser().respond(answersFor('far', 'n2', '192.168.9.9'), '192.168.9.9');
      browser().handlers.onResponse('garbage', '10.77.1.2');
      browser().handlers.onResponse({ answers: [{ name: PTR, type: 'PTR', ttl: 'x', data: 5 }] }, '10.77.1.2');
      browser().respond(answersFor('bad', 'n3', '10.77.1.3', 4500).map((r) => (r['type'] === 'TXT' ? { ...r, data: [Buffer.from('api_port=7')] } : r)));
      expect(events).toEqual([]);
    });

    it('rejects with BROWSE_FAILED when the socket cannot bind, and can be retried', async () => {
      const { discovery, browser } = setup({}, new Error('bind EADDRINUSE 0.0.0.0:5353'));
      await expect(discovery.startDiscovery()).rejects.toMatchObject({
        code: DiscoveryErrorCode.BROWSE_FAILED,
        message: expect.stringContaining('EADDRINUSE'),
      });
      expect(browser().closed).toBe(1);
      expect(browser().queries).toEqual([]);
      await expect(discovery.startDiscovery()).rejects.toMatchObject({ code: DiscoveryErrorCode.BROWSE_FAILED });
    });

    it('throws ALREADY_DISCOVERING on a second start', async () => {
      const { discovery } = setup();
      await discovery.startDiscovery();
      await expect(discovery.startDiscovery()).rejects.toMatchObject({ code: DiscoveryErrorCode.ALREADY_DISCOVERING });
    });

    it('refuses to start on an interface that does not exist or lacks the address', async () => {
      await expect(setup({ interfaceName: 'v-missing' }).discovery.startDiscovery()).rejects.toMatchObject({
        code: DiscoveryErrorCode.INTERFACE_NOT_FOUND,
      });
      await expect(setup({ address: '10.77.1.99' }).discovery.startDiscovery()).rejects.toMatchObject({
        code: DiscoveryErrorCode.ADDRESS_NOT_ON_INTERFACE,
      });
    });

    it("emits 'error' for socket failures while running, or logs them when nobody listens", async () => {
      const { discovery, browser, logger } = setup();
      await discovery.startDiscovery();
      expect(() => browser().handlers.onError(new Error('boom'))).not.toThrow();
      expect(logger.lines).toContainEqual({ level: 'error', message: 'mDNS discovery error' });
      const errors: unknown[] = [];
      discovery.on('error', (error) => errors.push(error));
      browser().handlers.onError(new Error('again'));
      expect(errors).toEqual([expect.objectContaining({ code: DiscoveryErrorCode.SOCKET_ERROR })]);
    });

    it('survives a listener that throws', async () => {
      const { discovery, browser, logger } = setup();
      discovery.on('peer-joined', () => {
        throw new Error('listener bug');
      });
      await discovery.startDiscovery();
      expect(() => browser().respond(answersFor('peer', 'n1', '10.77.1.2'))).not.toThrow();
      expect(logger.lines).toContainEqual({ level: 'error', message: "a 'peer-joined' listener threw" });
      expect(discovery.peers()).toHaveLength(1);
    });
  });

  describe('advertising', () => {
    it('advertises the fitted name, a hostname, the API port, the TXT and the bound address', async () => {
      const { discovery, advertiser } = setup();
      await discovery.startAdvertising({ ...info, name: 'local-swarm on box.lan' });
      expect(advertiser.advertised).toEqual({
        name: 'local-swarm on box-lan',
        hostname: 'local-swarm-on-box-lan',
        port: 17615,
        address: '10.77.1.1',
        txt: expect.objectContaining({ node_id: 'self', api_port: '17615', protocol: '1', instances: '2' }),
      });
      expect(discovery.advertisedName).toBe('local-swarm on box-lan');
      expect(discovery.state).toBe('running');
    });

    it("forwards a conflict rename as 'name-changed'", async () => {
      const { discovery, advertiser, events } = setup();
      await discovery.startAdvertising(info);
      advertiser.nameChanged?.('local-swarm on test (2)');
      expect(events).toEqual([['name-changed', 'local-swarm on test (2)']]);
      expect(discovery.advertisedName).toBe('local-swarm on test (2)');
    });

    it('rejects an invalid info or one with another node id', async () => {
      const { discovery } = setup();
      await expect(discovery.startAdvertising({ ...info, apiPort: 0 })).rejects.toMatchObject({ code: DiscoveryErrorCode.INVALID_INFO });
      await expect(discovery.startAdvertising({ ...info, nodeId: 'other' })).rejects.toMatchObject({ code: DiscoveryErrorCode.INVALID_INFO });
      expect(discovery.state).toBe('idle');
    });

    it('rejects with ADVERTISE_FAILED and releases the responder when advertising fails', async () => {
      const { discovery, advertiser } = setup();
      advertiser.result = Promise.reject(new Error('probe failed'));
      await expect(discovery.startAdvertising(info)).rejects.toMatchObject({ code: DiscoveryErrorCode.ADVERTISE_FAILED });
      expect(advertiser.shutdowns).toBe(1);
    });

    it('throws ALREADY_ADVERTISING on a second start', async () => {
      const { discovery } = setup();
      await discovery.startAdvertising(info);
      await expect(discovery.startAdvertising(info)).rejects.toMatchObject({ code: DiscoveryErrorCode.ALREADY_ADVERTISING });
    });
  });

  describe('stop', () => {
    it('shuts the responder down once, closes the browser, clears timers and peers', async () => {
      const { discovery, advertiser, browser, events } = setup();
      await discovery.startDiscovery();
      await discovery.startAdvertising(info);
      browser().respond(answersFor('peer', 'n1', '10.77.1.2'));
      await Promise.all([discovery.stop(), discovery.stop()]);
      await discovery.stop();
      expect(discovery.state).toBe('stopped');
      expect(advertiser.shutdowns).toBe(1);
      expect(browser().closed).toBe(1);
      expect(discovery.peers()).toEqual([]);
      const queries = browser().queries.length;
      jest.advanceTimersByTime(10_000);
      expect(browser().queries).toHaveLength(queries);
      browser().respond(answersFor('late', 'n2', '10.77.1.3'));
      advertiser.nameChanged?.('late (2)');
      expect(events).toEqual([['peer-joined', 'n1']]);
    });

    it('refuses to start again once stopped', async () => {
      const { discovery } = setup();
      await discovery.stop();
      await expect(discovery.startDiscovery()).rejects.toMatchObject({ code: DiscoveryErrorCode.STOPPED });
      await expect(discovery.startAdvertising(info)).rejects.toMatchObject({ code: DiscoveryErrorCode.STOPPED });
    });

    it('lets a pending startAdvertising() resolve when stopped meanwhile', async () => {
      const { discovery, advertiser } = setup();
      advertiser.result = new Promise(() => undefined); // probing never ends
      const started = discovery.startAdvertising(info);
      await discovery.stop();
      await expect(started).resolves.toBeUndefined();
      expect(advertiser.shutdowns).toBe(1);
    });
  });
});
