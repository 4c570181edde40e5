declare const peerIdBrand: unique symbol;
declare const modelIdBrand: unique symbol;

/**
 * Id of a peer node: the node id it advertises (mDNS TXT / health reply), or a provisional id
 * (`manual:<host>:<port>`, `openai:<baseUrl>`) for peers added by hand. Branded so it cannot be
 * mixed up with a model id or a request id.
 */
export type PeerId = string & { readonly [peerIdBrand]: 'PeerId' };

/** Id of a model (a GGUF name, or what an OpenAI-compatible server lists under /v1/models). */
export type ModelId = string & { readonly [modelIdBrand]: 'ModelId' };

export function asPeerId(value: string): PeerId {
  return value as PeerId;
}

export function asModelId(value: string): ModelId {
  return value as ModelId;
}

/** `host:port`, with IPv6 literals in brackets (RFC 3986 §3.2.2). */
export function formatHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Provisional id of a manually added federation peer, until its health reply names it. */
export function manualPeerId(host: string, port: number): PeerId {
  return asPeerId(`manual:${formatHostPort(host, port)}`);
}

/** Id of an OpenAI-compatible server peer; it has no node id of its own, so its URL is its identity. */
export function openAiPeerId(baseUrl: string): PeerId {
  return asPeerId(`openai:${baseUrl}`);
}

/** True for ids that only stand in until the peer's health reply gives its real node id. */
export function isProvisionalPeerId(id: string): boolean {
  return id.startsWith('manual:');
}
