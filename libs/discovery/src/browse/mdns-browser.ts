import multicastDns from 'multicast-dns';
import type { BoundInterface } from '../network/local-interface';
import type { Browser, BrowserHandlers } from './browser';

/**
 * Browser on multicast-dns, bound to one interface: the multicast membership and the outgoing
 * interface are the bound IPv4 (`interface: address`), the socket listens on 0.0.0.0:5353 (shared
 * with ciao through SO_REUSEADDR). Given the interface address, sends work even in a namespace
 * without a default route (no ENETUNREACH).
 */
export function createMdnsBrowser(bound: BoundInterface, handlers: BrowserHandlers): Browser {
  const mdns = multicastDns({ interface: bound.address, bind: '0.0.0.0', reuseAddr: true, loopback: true });
  let started = false;
  let closed = false;

  mdns.on('response', (packet, rinfo) => handlers.onResponse(packet, rinfo.address));
  mdns.on('warning', (error: Error) => handlers.onWarning(error));

  const ready = new Promise<void>((resolve, reject) => {
    mdns.once('ready', () => {
      started = true;
      resolve();
    });
    mdns.on('error', (error: Error) => {
      if (started) handlers.onError(error);
      else reject(error);
    });
  });
  // An unbound socket rejects `ready`; nobody may be awaiting it yet.
  ready.catch(() => undefined);

  return {
    start: () => ready,
    query(questions) {
      if (closed) return;
      mdns.query({ questions: questions.map((q) => ({ name: q.name, type: q.type })) }, (error) => {
        if (error) handlers.onWarning(error);
      });
    },
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      return new Promise<void>((resolve) => mdns.destroy(() => resolve()));
    },
  };
}
