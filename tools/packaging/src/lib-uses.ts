/**
 * One line of real use per publishable lib, run by plain `node` in a project where only the
 * tarballs are installed: it requires the package by name (its `main`/`exports`) and prints JSON.
 */
export interface LibUse {
  readonly script: string;
  /** What the script must print, parsed. */
  readonly prints: unknown;
}

const CONSENSUS: LibUse = {
  script: `
const { decide, STRATEGY_NAMES, strategyTraits } = require('@local-swarm/consensus');
const base = { model: 'm', finishReason: 'stop', sequence: 0 };
const verdict = decide([
  { ...base, text: 'The answer is 4.', score: -0.2, source: 'a', latencyMs: 10 },
  { ...base, text: '4', score: -0.3, source: 'b', latencyMs: 12 },
  { ...base, text: '5', score: -0.1, source: 'c', latencyMs: 8 },
], { strategy: 'majority' });
console.log(JSON.stringify({
  strategies: STRATEGY_NAMES,
  earlyStop: strategyTraits('first_valid').earlyStop,
  winner: verdict.winner.candidate.text,
  groups: verdict.groups.map((group) => [group.key, group.weight]),
  agreement: verdict.agreement,
}));`,
  prints: {
    strategies: ['majority', 'weighted_vote', 'best_of_n', 'first_valid', 'judge', 'judge_merge'],
    earlyStop: 'first-valid',
    winner: 'The answer is 4.',
    groups: [
      ['number:4', 2],
      ['number:5', 1],
    ],
    agreement: 2 / 3,
  },
};

const DISCOVERY: LibUse = {
  script: `
const { parsePeerTxt } = require('@local-swarm/discovery');
console.log(JSON.stringify([parsePeerTxt({ node_id: 'node-b', api_port: '17615', instances: '3' }), parsePeerTxt({ node_id: 'node-b' })]));`,
  prints: [
    {
      ok: true,
      fields: { nodeId: 'node-b', apiPort: 17615, instances: 3, protocol: 0, version: '', modelId: '', hardwareSummary: '', modelSha256: null, keyId: null },
    },
    { ok: false, reason: 'missing api_port' },
  ],
};

const FEDERATION: LibUse = {
  script: `
const { FederatedSwarm, loadScore, PeerDirectory, PeerRegistry } = require('@local-swarm/federation');
const local = { id: 'local', load: { busyInstances: 1, queuedRequests: 0, capacity: 4 }, generate: async () => ({ ok: true, candidates: [], usage: { promptTokens: 0, completionTokens: 0 } }) };
const plan = new FederatedSwarm(local).plan('balance');
console.log(JSON.stringify({ score: loadScore(local.load), planned: plan.sources.map((source) => source.id), classes: [typeof PeerDirectory, typeof PeerRegistry] }));`,
  prints: { score: 0.25, planned: ['local'], classes: ['function', 'function'] },
};

const FEDERATION_PROTOCOL: LibUse = {
  script: `
const { parsePeerAddress } = require('@local-swarm/federation-protocol');
console.log(JSON.stringify([parsePeerAddress('10.0.0.5'), parsePeerAddress('openai+http://10.0.0.6:8080/v1').ok]));`,
  prints: [{ ok: true, peer: { kind: 'federation', host: '10.0.0.5', port: 17615 } }, true],
};

const GGUF: LibUse = {
  script: `
const { quantizeQ4_0ByScaleSearch, requantizeQ4_1ToQ4_0, tensorByteSize } = require('@local-swarm/gguf');
const block = Buffer.from([0, 0x2c, 0, 0x38, 15, ...new Array(15).fill(0)]);
console.log(JSON.stringify({ q4_0: Buffer.from(requantizeQ4_1ToQ4_0(block, quantizeQ4_0ByScaleSearch)).toString('hex'), bytes: tensorByteSize('t', 3, [64, 2]) }));`,
  prints: { q4_0: `68b150${'55'.repeat(15)}`, bytes: 80 },
};

const NET_BINDING: LibUse = {
  script: `
const { chooseBindAddress, classifyAddress } = require('@local-swarm/net-binding');
const lan = { address: '192.168.1.7', netmask: '255.255.255.0', family: 'IPv4', mac: '00:00:00:00:00:01', internal: false, cidr: '192.168.1.7/24' };
const bind = chooseBindAddress({ interfaces: { eth0: [lan] } });
console.log(JSON.stringify({ classes: ['100.64.0.1', '8.8.8.8'].map(classifyAddress), address: bind.ok && bind.choice.address }));`,
  prints: { classes: ['cgnat', 'public'], address: '192.168.1.7' },
};

const SWARM_CORE: LibUse = {
  script: `
const { largestOddAtMost, runConsensus } = require('@local-swarm/swarm-core');
const source = { id: 'local', generate: async () => ({ ok: true, usage: { promptTokens: 1, completionTokens: 2 }, candidates: ['4', '4'].map((text, sequence) => ({ text, score: -0.1, source: 'local', sequence, model: 'm', finishReason: 'stop', latencyMs: 1 })) }) };
runConsensus({ prompt: { kind: 'text', text: '2+2?' }, maxTokens: 4, candidates: 2 }, [source], { strategy: 'majority', signal: new AbortController().signal })
  .then((outcome) => console.log(JSON.stringify({ odd: largestOddAtMost(8), winner: outcome.ok && outcome.run.verdict.winner.candidate.text })));`,
  prints: { odd: 7, winner: '4' },
};

/** By package name. A lib missing here fails the packaging test, which asks for its line. */
export const LIB_USES: Readonly<Record<string, LibUse>> = {
  '@local-swarm/consensus': CONSENSUS,
  '@local-swarm/discovery': DISCOVERY,
  '@local-swarm/federation': FEDERATION,
  '@local-swarm/federation-protocol': FEDERATION_PROTOCOL,
  '@local-swarm/gguf': GGUF,
  '@local-swarm/net-binding': NET_BINDING,
  '@local-swarm/swarm-core': SWARM_CORE,
};
