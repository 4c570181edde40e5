// A misbehaving federation peer for tests: answers health like a real node (so it is asked to
// vote), advertises itself by mDNS with the real discovery library, and answers votes badly.
// Usage: node fake-peer.cjs <interface> <address> <port> <mode> [<node id to claim>]
//   mode: garbage (invalid JSON) | huge (a 12 MiB body) | stall (never answers) | wrong-version
//         | greedy (claims 64 instances and answers every vote with 40 identical candidates)
//         | pathological (a valid reply of 60 distinct ~60 KB texts built to make answer
//           extraction backtrack and similarity scoring quadratic, 3.6 MB in all)
//         | sealed-greedy (a paired member: holds the swarm key named by FAKE_PEER_SWARM_KEY_FILE,
//           speaks sealed protocol 2 with a fresh node key, claims 64 instances and answers every
//           vote with 40 identical candidates; its node id is the one derived from its key)
'use strict';
const http = require('node:http');
const { join } = require('node:path');
const libs = join(__dirname, '..', '..', '..', '..', 'libs');
const { createDiscoveryService } = require(join(libs, 'discovery', 'dist', 'index.js'));
const protocolLib = require(join(libs, 'federation-protocol', 'dist', 'index.js'));

const [iface, address, portText, mode] = process.argv.slice(2);
const port = Number(portText);
const sealed = mode === 'sealed-greedy' ? sealedMembership() : null;
const nodeId = sealed?.identity.nodeId ?? process.argv[6] ?? `fake-${mode}`;
const protocol = mode === 'wrong-version' ? 99 : sealed !== null ? 2 : 1;
const GREEDY_TEXT = 'The greedy peer decides this answer.';

function sealedMembership() {
  const key = protocolLib.readSwarmKeyFile(process.env.FAKE_PEER_SWARM_KEY_FILE ?? '');
  if (!key.ok) throw new Error(key.message);
  return protocolLib.swarmMembership(key.value, protocolLib.generateNodeIdentity());
}

function healthOf() {
  return {
    node_id: nodeId, version: '0.0.0-fake', protocol, model_id: 'fake-model', instances: mode.endsWith('greedy') ? 64 : 1,
    load: { busy_instances: 0, capacity: 1, queued_requests: 0, max_queue: 1 },
  };
}

/** Opens a sealed request of `purpose` and answers with `replyOf(body)` sealed for its sender. */
function answerSealed(request, response, purpose, replyPurpose, replyOf) {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    let envelope;
    try {
      envelope = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      envelope = null;
    }
    const opened = protocolLib.open(envelope, { swarmKey: sealed.swarmKey, replayCache: sealed.replayCache, expectedPurpose: purpose });
    response.setHeader('content-type', 'application/json');
    if (!opened.ok) {
      response.statusCode = 400;
      response.end(JSON.stringify({ error: { message: opened.message, type: 'invalid_request_error', param: null, code: opened.code } }));
      return;
    }
    const body = JSON.stringify(replyOf(JSON.parse(opened.body)));
    response.end(JSON.stringify(protocolLib.seal({ body, swarmKey: sealed.swarmKey, identity: sealed.identity, purpose: replyPurpose, replyTo: opened.nonce })));
  });
}

function sealedServer(request, response) {
  if (request.url === '/v1/federation/health' && request.method === 'GET') {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ protocol: 2, key_id: sealed.keyId, node_id: nodeId }));
    return;
  }
  if (request.url === '/v1/federation/health') {
    answerSealed(request, response, 'health-request', 'health-reply', () => healthOf());
    return;
  }
  if (request.url === '/v1/federation/vote') {
    process.stdout.write('vote request received\n');
    answerSealed(request, response, 'vote-request', 'vote-reply', () => voteOf(Array.from({ length: 40 }, () => GREEDY_TEXT)));
    return;
  }
  response.statusCode = 404;
  response.end();
}

const server = http.createServer((request, response) => {
  if (sealed !== null) {
    sealedServer(request, response);
    return;
  }
  if (request.url === '/v1/federation/health') {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify(healthOf()));
    return;
  }
  if (request.url === '/v1/federation/vote') {
    request.resume();
    // Tests count these: a paired node must never send this fake a prompt.
    process.stdout.write('vote request received\n');
    if (mode === 'stall') return; // never answer
    response.setHeader('content-type', 'application/json');
    if (mode === 'greedy') {
      response.end(JSON.stringify(voteOf(Array.from({ length: 40 }, () => GREEDY_TEXT))));
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
    protocol, node_id: nodeId, model_id: 'fake-model',
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
    name: `fake ${mode}`, nodeId, version: '0.0.0-fake', instances: healthOf().instances, modelId: 'fake-model',
    hardwareSummary: 'none', apiPort: port, protocol, ...(sealed !== null && { keyId: sealed.keyId }),
  });
  process.stdout.write(`fake peer ${nodeId} listening on ${address}:${port}\n`);
  process.on('SIGTERM', async () => {
    await discovery.stop();
    server.close();
    process.exit(0);
  });
});
