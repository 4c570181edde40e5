#!/usr/bin/env node
/**
 * What sealing costs a vote: FederationClient.requestVote round trips on loopback against a
 * minimal peer, unsealed (protocol 1) then sealed (protocol 2, the real seal/open on both sides).
 * Prints the median of 200 runs of each, after 50 warm-up runs. Not a test: timings vary by machine.
 * Run after `npx nx run federation-protocol:build`: node libs/federation-protocol/scripts/measure-sealed-vote.cjs
 */
const { createServer } = require('node:http');
const lib = require('../dist/index.js');

const RUNS = 200;
const WARM_UP = 50;
const key = lib.newSwarmKey();
const peer = lib.swarmMembership(key, lib.generateNodeIdentity());
const asker = lib.swarmMembership(key, lib.generateNodeIdentity());
const text = 'The answer is 5. '.repeat(60); // about 1 KB a vote

function voteReply(protocol) {
  const vote = { text, score: -0.2, finish_reason: 'stop', completion_tokens: 240, latency_ms: 900, node_id: peer.identity.nodeId, model_id: 'm', sequence: 0 };
  return { protocol, node_id: peer.identity.nodeId, model_id: 'm', votes: [0, 1, 2].map((sequence) => ({ ...vote, sequence })), usage: { prompt_tokens: 20, completion_tokens: 720 } };
}

function handler(sealed) {
  return (request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      let reply = voteReply(1);
      if (sealed) {
        const opened = lib.open(body, { ...peer, expectedPurpose: 'vote-request' });
        if (!opened.ok) throw new Error(opened.message);
        reply = lib.seal({ ...peer, body: JSON.stringify(voteReply(2)), purpose: 'vote-reply', replyTo: opened.nonce });
      }
      const text = JSON.stringify(reply);
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
      response.end(text);
    });
  };
}

async function measure(sealed) {
  const server = createServer(handler(sealed));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new lib.FederationClient({ baseUrl: `http://127.0.0.1:${server.address().port}`, allowLoopback: true, membership: sealed ? asker : null });
  const request = { requestId: 'r', originNodeId: asker.identity.nodeId, prompt: { kind: 'chat', messages: [{ role: 'user', content: 'What is 2 + 3? '.repeat(30) }] }, maxTokens: 256 };
  const times = [];
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const started = process.hrtime.bigint();
    const result = await client.requestVote(request, { deadlineMs: 5000 });
    const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
    if (!result.ok) throw new Error(result.error.message);
    if (run >= WARM_UP) times.push(elapsed);
  }
  server.closeAllConnections();
  server.close();
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

(async () => {
  const unsealed = await measure(false);
  const sealed = await measure(true);
  console.log(`vote round trip on loopback, median of ${RUNS}: unsealed ${unsealed.toFixed(2)} ms, sealed ${sealed.toFixed(2)} ms, sealing adds ${(sealed - unsealed).toFixed(2)} ms`);
})();
