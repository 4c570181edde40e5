// Runs inside one test namespace (ip netns exec) and makes HTTP requests for the jest process,
// which lives in the root namespace and cannot reach the LAN's private addresses itself.
// Protocol: one JSON command per stdin line {id, method, url, headers, body, timeoutMs};
// one JSON reply per stdout line {id, status, headers, text} or {id, error}.
'use strict';
const readline = require('node:readline');

readline.createInterface({ input: process.stdin }).on('line', async (line) => {
  const { id, method, url, headers, body, timeoutMs } = JSON.parse(line);
  try {
    const response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs ?? 120000),
    });
    const text = await response.text();
    process.stdout.write(`${JSON.stringify({ id, status: response.status, headers: Object.fromEntries(response.headers), text })}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ id, error: String(error && error.message ? error.message : error) })}\n`);
  }
});
