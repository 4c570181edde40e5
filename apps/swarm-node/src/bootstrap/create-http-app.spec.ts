import 'reflect-metadata';
import { Controller, Get, Module } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { DEFAULT_NODE_CONFIG } from '../config';
import { createHttpApp } from './create-http-app';

const REQUEST_TIMEOUT_MS = 1500;
const MAX_CONNECTIONS = 3;
/** Longer than the request deadline: an answer being written must outlive it. */
const SLOW_ANSWER_MS = 2500;

@Controller('test')
class SlowController {
  @Get('slow')
  async slow(): Promise<{ done: boolean }> {
    await sleep(SLOW_ANSWER_MS);
    return { done: true };
  }
}

@Module({ controllers: [SlowController] })
class SlowModule {}

interface Exchange {
  readonly received: string;
  /** Milliseconds from connecting until the server closed the connection. */
  readonly closedAfterMs: number;
}

/** Opens a raw connection, writes `text` and collects what comes back until the server closes it. */
function exchange(port: number, text: string, sockets: Socket[]): Promise<Exchange> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(text));
    sockets.push(socket);
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ received, closedAfterMs: Date.now() - started }));
  });
}

describe('createHttpApp over real sockets (deadlines, connection cap, Host)', () => {
  let app: NestFastifyApplication;
  let port: number;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    const surface = { ...DEFAULT_NODE_CONFIG, requestTimeoutMs: REQUEST_TIMEOUT_MS, maxConnections: MAX_CONNECTIONS };
    app = await createHttpApp({ module: SlowModule }, pino({ level: 'silent' }), '0.0.0-test', surface);
    await app.listen({ port: 0, host: '127.0.0.1' });
    port = (app.getHttpServer().address() as AddressInfo).port;
  });

  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.destroy();
    // The server counts a connection until it has seen it close: wait, so the cap starts afresh.
    const server = app.getHttpServer();
    while ((await new Promise<number>((resolve) => server.getConnections((_error, count) => resolve(count)))) > 0) await sleep(10);
  });

  afterAll(async () => {
    await app.close();
  });

  it('closes a connection that sends half a body and stalls, within the request deadline', async () => {
    const head = 'POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n';
    const { received, closedAfterMs } = await exchange(port, `${head}{"messages":`, sockets);
    expect(received).toMatch(/^HTTP\/1\.1 408 /);
    expect(closedAfterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + 1500);
  }, 10_000);

  it('closes a connection that never finishes its headers (slowloris)', async () => {
    const { closedAfterMs } = await exchange(port, 'GET /test/slow HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', sockets);
    expect(closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + 1500);
  }, 10_000);

  it('lets an answer take longer than the request deadline (generations and event streams are not cut)', async () => {
    const { received, closedAfterMs } = await exchange(port, 'GET /test/slow HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n', sockets);
    expect(received).toMatch(/^HTTP\/1\.1 200 /);
    expect(received).toContain('{"done":true}');
    expect(closedAfterMs).toBeGreaterThanOrEqual(SLOW_ANSWER_MS);
  }, 10_000);

  it(`closes connection ${MAX_CONNECTIONS + 1} on arrival and keeps serving the first ${MAX_CONNECTIONS}`, async () => {
    const open: Socket[] = [];
    for (let index = 0; index < MAX_CONNECTIONS; index += 1) {
      const socket = connect(port, '127.0.0.1');
      socket.on('error', () => undefined);
      sockets.push(socket);
      open.push(socket);
      await new Promise((resolve) => socket.once('connect', resolve));
    }
    await sleep(50);
    const refused = await exchange(port, 'GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', sockets);
    expect(refused.received).toBe('');
    expect(refused.closedAfterMs).toBeLessThan(500);
    const first = open[0];
    if (first === undefined) throw new Error('no connection');
    const answer = new Promise<string>((resolve) => first.once('data', (chunk: Buffer) => resolve(chunk.toString())));
    first.write('GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    expect(await answer).toMatch(/^HTTP\/1\.1 404 /);
  }, 10_000);

  it.each([
    ['HTTP/1.0 without a Host header', 'GET /nowhere HTTP/1.0\r\n\r\n'],
    ['HTTP/1.1 without a Host header', 'GET /nowhere HTTP/1.1\r\nConnection: close\r\n\r\n'],
    ['an empty Host header', 'GET /nowhere HTTP/1.1\r\nHost:\r\nConnection: close\r\n\r\n'],
    ['a rebound name', 'GET /nowhere HTTP/1.1\r\nHost: rebind.example:17615\r\nConnection: close\r\n\r\n'],
  ])('refuses %s with 403 forbidden_host', async (_label, request) => {
    const { received } = await exchange(port, request, sockets);
    expect(received).toMatch(/^HTTP\/1\.[01] 403 /);
    expect(received).toContain('"code":"forbidden_host"');
  });

  it('serves the address the connection arrived on as Host', async () => {
    const { received } = await exchange(port, `GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`, sockets);
    expect(received).toMatch(/^HTTP\/1\.1 404 /);
  });
});
