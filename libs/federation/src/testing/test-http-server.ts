import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A real HTTP server on 127.0.0.1, port 0 (any free port), standing in for a peer node or an
 * OpenAI-compatible server. Every request it got is recorded with its parsed JSON body.
 */
export interface TestHttpServer {
  readonly server: Server;
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  /** Requests received, oldest first (body: parsed JSON, or the raw text when not JSON). */
  readonly requests: RecordedRequest[];
  /** Closes the server and every open (keep-alive or stalled) connection. */
  close(): Promise<void>;
}

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly body: unknown;
}

/** Answers one request; the body is already read and parsed. */
export type TestHandler = (request: RecordedRequest, response: ServerResponse, raw: IncomingMessage) => void | Promise<void>;

/** Listens on `port` (default 0: any free port; a test that restarts a peer passes its old port). */
export async function startTestHttpServer(handler: TestHandler, port = 0): Promise<TestHttpServer> {
  const requests: RecordedRequest[] = [];
  const server = createServer((raw, response) => {
    void (async () => {
      const text = await readBody(raw);
      const recorded: RecordedRequest = { method: raw.method ?? '', url: raw.url ?? '', body: parseJson(text) };
      requests.push(recorded);
      await handler(recorded, response, raw);
    })().catch((error: unknown) => {
      if (!response.headersSent) sendJson(response, 599, { error: { message: String(error) } });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    server,
    port: bound,
    url: `http://127.0.0.1:${bound}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  sendText(response, status, JSON.stringify(body), 'application/json');
}

export function sendText(response: ServerResponse, status: number, text: string, contentType = 'text/plain'): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}

/** A handler that never answers (the request stays open until the server closes). */
export function stall(): void {
  // Nothing: the caller's deadline or abort must end the call.
}

/** A port that was free a moment ago and has nothing listening on it now (connections are refused). */
export async function closedPort(): Promise<number> {
  const server = await startTestHttpServer((_request, response) => {
    response.end();
  });
  await server.close();
  return server.port;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
