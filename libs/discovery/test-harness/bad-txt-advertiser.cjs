#!/usr/bin/env node
/**
 * A misbehaving advertiser for the namespace tests: answers every PTR query for
 * `_local-swarm._tcp.local` with a service whose TXT record is malformed (no node_id, a port out
 * of range, a huge instances value, binary junk), plus, every second, a packet that does not even
 * decode. Built on multicast-dns, bound to the given address. Never run it outside a test namespace.
 *
 * argv[2]: the IPv4 address to bind to and advertise. stdout: 'ready' then one 'answered' line per answer.
 */
'use strict';
const dgram = require('node:dgram');
const makeMdns = require('multicast-dns');

const address = process.argv[2];
const mdns = makeMdns({ interface: address, bind: '0.0.0.0', reuseAddr: true });
const PTR = '_local-swarm._tcp.local';
const badServices = [
  { name: 'no-node-id', txt: ['api_port=17615', 'instances=2'] },
  { name: 'bad-port', txt: ['node_id=bad-port', 'api_port=99999'] },
  { name: 'junk', txt: [Buffer.from([0xff, 0xfe, 0x00, 0x3d]), Buffer.from('node_id'), Buffer.from('=x')] },
];

mdns.on('query', (query) => {
  if (!query.questions.some((q) => q.name.toLowerCase() === PTR)) return;
  for (const service of badServices) {
    const fqdn = `${service.name}.${PTR}`;
    const host = `${service.name}.local`;
    mdns.respond({
      answers: [{ name: PTR, type: 'PTR', ttl: 4500, data: fqdn }],
      additionals: [
        { name: fqdn, type: 'SRV', ttl: 120, data: { port: 17615, target: host } },
        { name: fqdn, type: 'TXT', ttl: 4500, data: service.txt },
        { name: host, type: 'A', ttl: 120, data: address },
      ],
    });
  }
  process.stdout.write('answered\n');
});

// Undecodable garbage to the mDNS group, from a separate socket on the same interface.
const junk = dgram.createSocket({ type: 'udp4', reuseAddr: true });
junk.bind(0, address, () => {
  junk.setMulticastInterface(address);
  setInterval(() => junk.send(Buffer.from([0, 0, 0x84, 0, 0, 0, 0, 9, 0xff, 0xff]), 5353, '224.0.0.251'), 1000);
});

mdns.on('ready', () => process.stdout.write('ready\n'));
