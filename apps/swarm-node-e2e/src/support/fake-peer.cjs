// A misbehaving federation peer for tests: answers health like a real node (so it is asked to
// vote), advertises itself by mDNS with the real discovery library, and answers votes badly.
// Usage: node fake-peer.cjs <interface> <address> <port> <mode> [<node id to claim>]
//   mode: garbage (invalid JSON) | huge (a 12 MiB body) | stall (never answers) | wrong-version
//         | greedy (claims 64 instances and answers every vote with 40 identical candidates)
//         | pathological (a valid reply of 60 distinct ~60 KB texts built to make answer
//           extraction backtrack and similarity scoring quadratic, 3.6 MB in all)
'use strict';
const http = require('node:http');
const { join } = require('node:path');
const { createDiscoveryService } = require(join(__dirname, '..', '..', '..', '..', 'libs', 'discovery', 'dist', 'index.js'));

const [iface, address, portText, mode] = process.argv.slice(2);
const port = Number(portText);
const nodeId = process.argv[6] ?? `fake-${mode}`;
const protocol = mode === 'wrong-version' ? 99 : 1;

const server = http.createServer((request, response) => {
  if (request.url === '/v1/federation/health') {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({
      node_id: nodeId, version: '0.0.0-fake', protocol, model_id: 'fake-model', instances: mode === 'greedy' ? 64 : 1,
      load: { busy_instances: 0, capacity: 1, queued_requests: 0, max_queue: 1 },
    }));
    return;
  }
  if (request.url === '/v1/federation/vote') {
    request.resume();
    // Tests count these: a paired node must never send this fake a prompt.
    process.stdout.write('vote request received\n');
    if (mode === 'stall') return; // never answer
    response.setHeader('content-type', 'application/json');
    if (mode === 'greedy') {
      response.end(JSON.stringify(voteOf(Array.from({ length: 40 }, () => 'The greedy peer decides this answer.'))));
      return;
    }
    if (mode === 'pathological') {
      response.end(JSON.stringify(pathologicalVote()));
      return;
    }
    if (mode === 'huge') {
      const chunk = 'x'.repeat(1024 * 1024);
      response.write('{"votes":["');
      for (let i = 0; i < 12; i += 1) response.write(chunk);
      response.end('"]}');
      return;
    }
    response.end('{"protocol": 1, "votes": [ this is not json');
    return;
  }
  response.statusCode = 404;
  response.end();
});

/** A valid vote reply carrying `texts`, each claiming `completionTokens` tokens. */
function voteOf(texts, completionTokens = 8) {
  return {
    protocol: 1, node_id: nodeId, model_id: 'fake-model',
    votes: texts.map((text, sequence) => ({
      text, score: null, finish_reason: 'stop', completion_tokens: completionTokens, latency_ms: 1, node_id: nodeId, model_id: 'fake-model', sequence,
    })),
    usage: { prompt_tokens: 1, completion_tokens: completionTokens * texts.length },
  };
}

/** 60 texts: one 'answer' + 32,000 spaces + '!', the rest distinct word salads of ~60 KB. */
function pathologicalVote() {
  const texts = ['answer' + ' '.repeat(32000) + '!'];
  for (let i = 1; i < 60; i += 1) {
    const words = [];
    for (let length = 0, x = i * 7919; length < 60000; x = (x * 1103515245 + 12345) % 2147483648) {
      const word = `w${x % 5000}`;
      words.push(word);
      length += word.length + 1;
    }
    texts.push(`answer ${i} is ${words.join(' ')}`);
  }
  return voteOf(texts, 900);
}

server.listen(port, address, async () => {
  const discovery = createDiscoveryService({ interfaceName: iface, address, nodeId });
  await discovery.startAdvertising({
    name: `fake ${mode}`, nodeId, version: '0.0.0-fake', instances: 1, modelId: 'fake-model',
    hardwareSummary: 'none', apiPort: port, protocol,
  });
  process.stdout.write(`fake peer ${nodeId} listening on ${address}:${port}\n`);
  process.on('SIGTERM', async () => {
    await discovery.stop();
    server.close();
    process.exit(0);
  });
});
