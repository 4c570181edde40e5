// A real swarm-core in its own Node process, driven by newline-delimited JSON on stdin.
//
// Why a child process: jest runs test code in a vm context, and node-llama-cpp (loaded there
// through --experimental-vm-modules) checks `result instanceof Array` on arrays its native addon
// creates in the main realm. Across realms that check fails and every sampled token is lost.
// Model tests therefore drive the BUILT library (dist/) in a plain Node process, as users run it.
'use strict';
const readline = require('node:readline');
const core = require('../dist/index.js');

let swarm = null;
const write = (message) => process.stdout.write(`${JSON.stringify(message)}\n`);

const ops = {
  async start(args) {
    swarm = await core.Swarm.start({
      modelPath: core.defaultModelPath(),
      modelId: core.DEFAULT_MODEL.id,
      threads: null,
      ...args,
    });
    return swarm.info;
  },
  async generate({ request, abortAfterMs }) {
    const controller = new AbortController();
    if (abortAfterMs !== undefined) setTimeout(() => controller.abort(), abortAfterMs);
    const start = Date.now();
    return swarm.generate(request, { signal: controller.signal, elapsedMs: () => Date.now() - start });
  },
  async consensus({ request, strategy }) {
    const seen = [];
    const outcome = await core.runConsensus(request, [swarm], {
      strategy,
      signal: new AbortController().signal,
      onCandidate: (candidate) => seen.push(candidate),
    });
    return { outcome, seen };
  },
  async embed({ inputs }) {
    if (swarm.embeddings === null) throw new Error('this swarm has no embeddings');
    return { dimensions: swarm.embeddings.dimensions, outcome: await swarm.embeddings.embed(inputs) };
  },
  async check({ request }) {
    return swarm.check(request);
  },
  async load() {
    return swarm.load;
  },
  async rss() {
    return process.memoryUsage().rss;
  },
  async estimate({ sequences }) {
    const memory = await core.estimateModelMemory(core.defaultModelPath());
    return { modelBytes: memory.modelBytes, contextBytes: sequences.map((n) => memory.estimateContextBytes(n, 2048)) };
  },
  async probeStepCost({ counts, timeLimitMs }) {
    return core.probeStepCost({ modelPath: core.defaultModelPath(), counts, threads: null, ...(timeLimitMs !== undefined ? { timeLimitMs } : {}) });
  },
  async readWeightType() {
    return core.readWeightType(core.defaultModelPath());
  },
  // Stops the swarm while a batch generates; reports what the generation returned and every
  // unhandled rejection the shutdown caused (freeing the model under a running batch).
  async stopWhileGenerating({ request, stopAfterMs }) {
    const unhandled = [];
    process.on('unhandledRejection', (reason) => unhandled.push(String(reason)));
    const start = Date.now();
    const generating = swarm.generate(request, { signal: new AbortController().signal, elapsedMs: () => Date.now() - start });
    await new Promise((resolve) => setTimeout(resolve, stopAfterMs));
    await swarm.stop();
    const outcome = await generating;
    await new Promise((resolve) => setTimeout(resolve, 200));
    return { outcome, unhandled };
  },
  async stop() {
    await swarm?.stop();
    setImmediate(() => process.exit(0));
    return null;
  },
};

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  const { id, op, args } = JSON.parse(line);
  ops[op](args ?? {}).then(
    (result) => write({ id, result }),
    (error) => write({ id, error: String(error && error.stack ? error.stack : error) }),
  );
});
