// A minimal federation peer for the dashboard tests: answers health like a real node, with the
// protocol version given (99 makes a peer of the wrong version), and refuses votes. No mDNS: it
// is only ever added by hand. Usage: node manual-peer.cjs <address> <port> <protocol> <node-id>
'use strict';
const http = require('node:http');

const [address, portText, protocolText, nodeId] = process.argv.slice(2);

const server = http.createServer((request, response) => {
  request.resume();
  response.setHeader('content-type', 'application/json');
  if (request.url === '/v1/federation/health') {
    response.end(JSON.stringify({
      node_id: nodeId, version: '0.0.0-manual', protocol: Number(protocolText), model_id: 'manual-model', instances: 1,
      load: { busy_instances: 0, capacity: 1, queued_requests: 0, max_queue: 1 },
    }));
    return;
  }
  response.statusCode = request.url === '/v1/federation/vote' ? 503 : 404;
  response.end(JSON.stringify({ error: { message: 'a manual test peer does not vote', type: 'server_error', param: null, code: null } }));
});

server.listen(Number(portText), address, () => process.stdout.write(`manual peer ${nodeId} listening on ${address}:${portText}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
