import type { NetworkInterfaceInfo } from 'node:os';
import type { AdvertisedService, Advertiser } from '../advertise/advertiser';
import type { Browser, BrowserHandlers } from '../browse/browser';
import type { SwarmInfo } from '../peers/peer-info';
import type { DiscoveryQuestion } from '../records/discovery-record';
import { runMdnsSurvey, type MdnsSurveyDependencies } from './mdns-survey';

const PTR = '_local-swarm._tcp.local';

function v4(address: string): NetworkInterfaceInfo {
  return { address, netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: false, cidr: null };
}

/** The answers multicast-dns would decode for one advertised service. */
function answersFor(service: AdvertisedService, ttl = 4500): Record<string, unknown>[] {
  const fqdn = `${service.name}.${PTR}`;
  const host = `${service.hostname}.local`;
  return [
    { name: PTR, type: 'PTR', ttl, data: fqdn },
    { name: fqdn, type: 'SRV', ttl, data: { port: service.port, target: host } },
    { name: fqdn, type: 'TXT', ttl, data: Object.entries(service.txt).map(([k, v]) => Buffer.from(`${k}=${v}`)) },
    { name: host, type: 'A', ttl, data: service.address },
  ];
}

const probe: SwarmInfo = {
  name: 'local-swarm doctor probe',
  nodeId: 'doctor-probe-1',
  version: '0.1.0',
  instances: 1,
  modelId: 'none',
  hardwareSummary: 'none',
  apiPort: 17615,
  protocol: 1,
};

/** A LAN where the probe loops back (or not), and where `others` answer every browse. */
function fakeLan(options: { loopsBack: boolean; others?: AdvertisedService[]; browseError?: Error; advertiseError?: Error }) {
  const events: string[] = [];
  let handlers: BrowserHandlers | undefined;
  const queries: DiscoveryQuestion[][] = [];
  const browser: Browser = {
    start: () => (options.browseError === undefined ? Promise.resolve() : Promise.reject(options.browseError)),
    query(questions) {
      queries.push([...questions]);
      for (const other of options.others ?? []) handlers?.onResponse({ answers: answersFor(other) }, other.address);
    },
    close: () => {
      events.push('browser closed');
      return Promise.resolve();
    },
  };
  const advertiser: Advertiser = {
    advertise(service) {
      events.push(`advertise ${service.txt['node_id'] ?? ''}`);
      if (options.advertiseError !== undefined) return Promise.reject(options.advertiseError);
      if (options.loopsBack) handlers?.onResponse({ answers: answersFor(service) }, service.address);
      return Promise.resolve();
    },
    shutdown: () => {
      events.push('goodbye');
      return Promise.resolve();
    },
  };
  const dependencies: MdnsSurveyDependencies = {
    createAdvertiser: () => advertiser,
    createBrowser: (_bound, given) => {
      handlers = given;
      return browser;
    },
    networkInterfaces: () => ({ lo: [v4('127.0.0.1')], eth0: [v4('10.0.0.2')] }),
  };
  return { dependencies, events, queries };
}

const options = { interfaceName: 'eth0', address: '10.0.0.2', probe, timeoutMs: 30, queryIntervalMs: 10 };

describe('runMdnsSurvey', () => {
  it('sees its own probe, lists the other services without it, and says goodbye before closing', async () => {
    const other: AdvertisedService = { name: 'Other', hostname: 'other', port: 17615, txt: { node_id: 'n2', api_port: '17615' }, address: '10.0.0.9' };
    const lan = fakeLan({ loopsBack: true, others: [other] });
    const survey = await runMdnsSurvey(options, lan.dependencies);
    expect(survey.probeSeen).toBe(true);
    expect(survey.services.map((s) => s.instanceName)).toEqual(['Other']);
    expect(lan.events).toEqual(['advertise doctor-probe-1', 'goodbye', 'browser closed']);
    expect(lan.queries.length).toBeGreaterThan(1);
  });

  it('reports a probe that never comes back', async () => {
    const survey = await runMdnsSurvey(options, fakeLan({ loopsBack: false }).dependencies);
    expect(survey).toEqual({ probeSeen: false, advertiseError: null, browseError: null, services: [] });
  });

  it('reports a socket that cannot be bound, without announcing anything', async () => {
    const lan = fakeLan({ loopsBack: true, browseError: new Error('bind EADDRINUSE 0.0.0.0:5353') });
    const survey = await runMdnsSurvey(options, lan.dependencies);
    expect(survey.browseError).toBe('bind EADDRINUSE 0.0.0.0:5353');
    expect(lan.events).toEqual(['browser closed']);
  });

  it('reports an announcement that fails', async () => {
    const survey = await runMdnsSurvey(options, fakeLan({ loopsBack: false, advertiseError: new Error('no multicast') }).dependencies);
    expect(survey.advertiseError).toBe('no multicast');
  });

  it('refuses an interface that does not hold the address', async () => {
    const survey = await runMdnsSurvey({ ...options, address: '10.0.0.99' }, fakeLan({ loopsBack: true }).dependencies);
    expect(survey.browseError).toContain('not on interface eth0');
  });
});
