// Raw HTTP/1.1 over TCP, run inside one namespace of a test LAN, for what fetch() cannot send:
// a forged or missing Host header, a body that arrives slowly, many event streams held open.
// Usage: node raw-http.cjs '<plan as JSON>'
//   plan: { address, port, connections (default 1), chunks: [{ text, delayMs }], timeoutMs }
// Each connection writes the chunks in order (waiting delayMs before each) and reads the reply.
// Writes one JSON line {phase: 'statuses', statuses} once every connection has a status line or
// is closed (a status of 0 means closed without one), then keeps the sockets open and writes
// {phase: 'done', results: [{status, head, body, closedAfterMs}]} when all are closed or
// timeoutMs has passed (closedAfterMs null: still open then).
'use strict';
const net = require('node:net');
const { performance } = require('node:perf_hooks');

const plan = JSON.parse(process.argv[2]);
const connections = plan.connections ?? 1;
const timeoutMs = plan.timeoutMs ?? 30000;
const startedAt = performance.now();
const results = [];
let statusesReported = false;

function report(line) {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function reportStatusesWhenKnown() {
  if (statusesReported || results.some((result) => result.status === null && result.closedAfterMs === null)) return;
  statusesReported = true;
  report({ phase: 'statuses', statuses: results.map((result) => result.status ?? 0) });
}

function finishWhenAllClosed() {
  if (results.every((result) => result.closedAfterMs !== null)) finish();
}

function finish() {
  reportStatusesWhenKnown();
  report({ phase: 'done', results: results.map(({ status, head, body, closedAfterMs }) => ({ status, head, body, closedAfterMs })) });
  process.exit(0);
}

function open(index) {
  const result = { status: null, head: '', body: '', closedAfterMs: null, socket: null, raw: '' };
  results[index] = result;
  const socket = net.connect({ host: plan.address, port: plan.port });
  result.socket = socket;
  socket.setEncoding('latin1');
  socket.on('data', (data) => {
    result.raw += data;
    const end = result.raw.indexOf('\r\n\r\n');
    if (end >= 0) {
      result.head = result.raw.slice(0, end);
      result.body = result.raw.slice(end + 4, end + 4 + 4096);
      const match = /^HTTP\/1\.[01] (\d{3})/.exec(result.head);
      if (match && result.status === null) result.status = Number(match[1]);
    }
    reportStatusesWhenKnown();
  });
  socket.on('error', () => undefined);
  socket.on('close', () => {
    result.closedAfterMs = Math.round(performance.now() - startedAt);
    reportStatusesWhenKnown();
    finishWhenAllClosed();
  });
  socket.on('connect', async () => {
    for (const chunk of plan.chunks) {
      if (chunk.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, chunk.delayMs));
      if (socket.destroyed) return;
      socket.write(chunk.text);
    }
  });
}

for (let index = 0; index < connections; index += 1) open(index);
setTimeout(finish, timeoutMs);
