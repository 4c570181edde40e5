import type { BoundInterface } from '../network/local-interface';
import type { DiscoveryQuestion } from '../records/discovery-record';

/** Where the browser reports what it hears. */
export interface BrowserHandlers {
  /** A decoded mDNS response and the address it came from. */
  onResponse(packet: unknown, sourceAddress: string): void;
  /** Something worth a log line but not fatal (an undecodable packet, a failed send). */
  onWarning(error: Error): void;
  /** The socket failed while running. */
  onError(error: Error): void;
}

/** Sends mDNS queries and hears responses on one interface. Default: multicast-dns (mdns-browser.ts). */
export interface Browser {
  /** Binds the socket; rejects if it cannot (EADDRINUSE, EACCES...). */
  start(): Promise<void>;
  query(questions: readonly DiscoveryQuestion[]): void;
  close(): Promise<void>;
}

export type BrowserFactory = (bound: BoundInterface, handlers: BrowserHandlers) => Browser;
