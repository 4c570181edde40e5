import { networkInterfaces } from 'node:os';
import type { AdvertiserFactory } from '../advertise/advertiser';
import { createCiaoAdvertiser } from '../advertise/ciao-advertiser';
import { fitServiceName, hostnameFor, validateSwarmInfo } from '../advertise/validate-swarm-info';
import type { BrowserFactory } from '../browse/browser';
import { createMdnsBrowser } from '../browse/mdns-browser';
import { errorMessage } from '../errors/discovery-error';
import { resolveBoundInterface, type BoundInterface, type NetworkInterfaceTable } from '../network/local-interface';
import type { SwarmInfo } from '../peers/peer-info';
import { normalizeRecords } from '../records/normalize-records';
import { buildSwarmTxt } from '../txt/build-swarm-txt';
import { parsePeerTxt } from '../txt/parse-peer-txt';
import type { SeenService } from './seen-service';
import { ServiceCollector } from './service-collector';

export interface MdnsSurveyOptions {
  /** The interface and address the node would bind (mDNS is never bound to all interfaces). */
  readonly interfaceName: string;
  readonly address: string;
  /** A short-lived service announced to see whether this machine hears itself; its node id must be its own. */
  readonly probe: SwarmInfo;
  /** How long to listen, in ms. */
  readonly timeoutMs: number;
  /** How often the browse is repeated, in ms. Default 500. */
  readonly queryIntervalMs?: number;
}

/** What a survey heard. */
export interface MdnsSurvey {
  /** Whether the probe's own announcement came back (with its TXT). */
  readonly probeSeen: boolean;
  /** The probe could not be announced; null when it was. */
  readonly advertiseError: string | null;
  /** The browsing socket could not be opened; null when it was. */
  readonly browseError: string | null;
  /** Every other `_local-swarm._tcp` instance heard. */
  readonly services: readonly SeenService[];
}

/** The real mDNS stack by default; unit tests inject fakes. */
export interface MdnsSurveyDependencies {
  readonly createAdvertiser: AdvertiserFactory;
  readonly createBrowser: BrowserFactory;
  readonly networkInterfaces: () => NetworkInterfaceTable;
}

const defaults: MdnsSurveyDependencies = { createAdvertiser: createCiaoAdvertiser, createBrowser: createMdnsBrowser, networkInterfaces };

/**
 * Listens on one interface for `timeoutMs`: announces the probe, browses `_local-swarm._tcp`, then
 * says goodbye for the probe and closes. Failures come back in the result; never throws.
 */
export async function runMdnsSurvey(options: MdnsSurveyOptions, dependencies: Partial<MdnsSurveyDependencies> = {}): Promise<MdnsSurvey> {
  const deps = { ...defaults, ...dependencies };
  const failed = (browseError: string, advertiseError: string | null = null): MdnsSurvey => ({
    probeSeen: false,
    advertiseError,
    browseError,
    services: [],
  });
  let bound: BoundInterface;
  try {
    validateSwarmInfo(options.probe, options.probe.nodeId);
    bound = resolveBoundInterface(options.interfaceName, options.address, deps.networkInterfaces());
  } catch (error) {
    return failed(errorMessage(error));
  }

  const collector = new ServiceCollector();
  const browser = deps.createBrowser(bound, {
    onResponse: (packet, source) => collector.ingest(normalizeRecords(packet), source),
    onWarning: () => undefined,
    onError: () => undefined,
  });
  try {
    await browser.start();
  } catch (error) {
    await browser.close().catch(() => undefined);
    return failed(errorMessage(error));
  }

  const advertiser = deps.createAdvertiser(options.interfaceName);
  const name = fitServiceName(options.probe.name);
  let advertiseError: string | null = null;
  const advertised = advertiser
    .advertise(
      { name, hostname: hostnameFor(name), port: options.probe.apiPort, txt: buildSwarmTxt(options.probe), address: options.address },
      () => undefined,
    )
    .catch((error: unknown) => {
      advertiseError = errorMessage(error);
    });

  browser.query(collector.questions());
  const timer = setInterval(() => browser.query(collector.questions()), options.queryIntervalMs ?? 500);
  await new Promise((resolve) => setTimeout(resolve, options.timeoutMs));
  clearInterval(timer);
  // Heard before the goodbye: afterwards the probe would be gone from the collector.
  const heard = collector.services();
  await Promise.race([advertised, new Promise((resolve) => setTimeout(resolve, 0))]);
  await advertiser.shutdown().catch(() => undefined);
  await browser.close().catch(() => undefined);

  const isProbe = (service: SeenService): boolean => {
    const txt = service.txt === null ? null : parsePeerTxt(service.txt);
    return txt?.ok === true && txt.fields.nodeId === options.probe.nodeId;
  };
  return {
    probeSeen: heard.some(isProbe),
    advertiseError,
    browseError: null,
    services: heard.filter((service) => !isProbe(service)),
  };
}
