import { getResponder, type CiaoService, type Responder } from '@homebridge/ciao';
import { SERVICE_TYPE } from '../constants';
import type { Advertiser, AdvertisedService } from './advertiser';

/**
 * Advertiser on @homebridge/ciao, restricted to one interface.
 *
 * The interface is ALWAYS passed to getResponder(): ciao 1.3.12 lists interfaces with `ip -o link`
 * and keeps veth names' `@ifN` suffix, so without it a veth never matches and ciao silently
 * advertises on loopback only. The service is further
 * restricted to the API's address, IPv4 only: peers must learn the address the API listens on.
 */
export function createCiaoAdvertiser(interfaceName: string): Advertiser {
  let responder: Responder | undefined;
  let service: CiaoService | undefined;
  return {
    async advertise(advertised: AdvertisedService, onNameChanged: (name: string) => void): Promise<void> {
      // Created here, not earlier: getResponder() starts ciao's network manager.
      responder = getResponder({ interface: interfaceName, disableIpv6: true });
      service = responder.createService({
        name: advertised.name,
        type: SERVICE_TYPE,
        port: advertised.port,
        hostname: advertised.hostname,
        txt: { ...advertised.txt },
        restrictedAddresses: [advertised.address],
        disabledIpv6: true,
      });
      service.on('name-change', onNameChanged);
      await service.advertise();
    },
    async shutdown(): Promise<void> {
      // destroy() sends this service's goodbyes even when the responder is shared (ciao shares one
      // per option set and only really shuts down with its last user); shutdown() is called once.
      const current = service;
      service = undefined;
      try {
        await current?.destroy();
      } finally {
        const shared = responder;
        responder = undefined;
        await shared?.shutdown();
      }
    },
  };
}
