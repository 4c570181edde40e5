#!/usr/bin/env node
/**
 * A discovery node for the namespace tests: runs the BUILT library (../dist) so it exercises what
 * ships, in its own process (one per network namespace, started with `ip netns exec`).
 *
 * argv[2]: JSON { interfaceName, address, nodeId, peerTtlMs?, queryIntervalMs?, advertise?: SwarmInfo, discover?: boolean }
 * stdout:  one JSON object per line: { event, t (ms since epoch), ... } for 'started', 'advertised',
 *          'discovering', 'peer-joined', 'peer-updated', 'peer-left', 'name-changed', 'error',
 *          'log', 'peers', 'stopped', 'fatal'.
 * stdin:   commands, one per line: `peers` (print the peer table), `stop` (stop() then exit 0).
 * Never run it in the machine's own namespace: mDNS must stay inside the test's namespaces.
 */
'use strict';
const readline = require('node:readline');
const { createDiscoveryService } = require('../dist/index.js');

const config = JSON.parse(process.argv[2] ?? '{}');
const print = (event, fields = {}) => process.stdout.write(`${JSON.stringify({ event, t: Date.now(), ...fields })}\n`);
const logAt = (level) => (message, fields) => print('log', { level, message, fields });
const logger = { debug: config.debug ? logAt('debug') : () => undefined, info: logAt('info'), warn: logAt('warn'), error: logAt('error') };

const discovery = createDiscoveryService({
  interfaceName: config.interfaceName,
  address: config.address,
  nodeId: config.nodeId,
  ...(config.peerTtlMs === undefined ? {} : { peerTtlMs: config.peerTtlMs }),
  ...(config.queryIntervalMs === undefined ? {} : { queryIntervalMs: config.queryIntervalMs }),
  logger,
});
const peerJson = (peer) => ({ ...peer, lastSeen: peer.lastSeen.toISOString() });
discovery.on('peer-joined', (peer) => print('peer-joined', { peer: peerJson(peer) }));
discovery.on('peer-updated', (peer) => print('peer-updated', { peer: peerJson(peer) }));
discovery.on('peer-left', (peer, reason) => print('peer-left', { peer: peerJson(peer), reason }));
discovery.on('name-changed', (name) => print('name-changed', { name }));
discovery.on('error', (error) => print('error', { code: error.code, message: error.message }));

async function main() {
  print('started', { pid: process.pid });
  if (config.discover !== false) {
    await discovery.startDiscovery();
    print('discovering');
  }
  if (config.advertise) {
    await discovery.startAdvertising(config.advertise);
    print('advertised', { name: discovery.advertisedName });
  }
}

readline.createInterface({ input: process.stdin }).on('line', async (line) => {
  const command = line.trim();
  if (command === 'peers') print('peers', { peers: discovery.peers().map(peerJson) });
  if (command === 'stop') {
    await discovery.stop();
    print('stopped');
    process.exit(0);
  }
});

main().catch((error) => {
  print('fatal', { code: error.code, message: error.message });
  process.exit(1);
});
