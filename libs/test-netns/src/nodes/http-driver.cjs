// Runs inside one namespace of a LAN (ip netns exec) and makes HTTP requests for a process that
// lives in the root namespace and cannot reach the LAN's private addresses itself (a jest suite,
// a benchmark). Requests run concurrently; replies come back in the order they finish.
// Protocol: one JSON command per stdin line {id, method, url, headers, body, timeoutMs};
// one JSON reply per stdout line {id, status, headers, text, elapsedMs} or {id, error, elapsedMs}.
// elapsedMs is measured here, next to the server: from sending the request to the whole body,
// without the pipe hop to the caller.
'use strict';
const readline = require('node:readline');
const { performance } = require('node:perf_hooks');

readline.createInterface({ input: process.stdin }).on('line', async (line) => {
  const { id, method, url, headers, body, timeoutMs } = JSON.parse(line);
  const startedAt = performance.now();
  try {
    const response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs ?? 120000),
    });
    const text = await response.text();
    const elapsedMs = performance.now() - startedAt;
    process.stdout.write(`${JSON.stringify({ id, status: response.status, headers: Object.fromEntries(response.headers), text, elapsedMs })}\n`);
  } catch (error) {
    const elapsedMs = performance.now() - startedAt;
    process.stdout.write(`${JSON.stringify({ id, error: String(error && error.message ? error.message : error), elapsedMs })}\n`);
  }
});
