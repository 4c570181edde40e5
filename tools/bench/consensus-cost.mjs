// Consensus cost: wall time of N candidates x 64 tokens, (a) Swarm.generate (now the engine's
// lock-step generateBatch), (a') the previous Swarm path: N engine.generate() in parallel left to
// node-llama-cpp's automatic batching, (b) one after another, (c) a bare lock-step batched loop (one decode per step holding every live sequence's
// token, prompt decoded once and its KV copied). Run: node tools/bench/consensus-cost.mjs
// Length is forced by a text prompt that doesn't stop (counting); completion tokens are printed.
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const core = require(path.join(root, 'libs/swarm-core/dist/index.js'));
await import('node-llama-cpp'); // the same package the built lib loads (fails early if missing)

const NS = (process.env.BENCH_N ?? '1,2,3,4,5,8').split(',').map(Number);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const TOKENS = 64;
const MODEL = process.env.BENCH_MODEL ?? path.join(os.homedir(), '.cache/local-swarm/models/SmolLM2-135M-Instruct.Q4_1.gguf');
const prompt = { kind: 'text', text: 'Counting from one to one thousand: 1, 2, 3, 4, 5, 6, 7,' };
const MODES = (process.env.BENCH_MODES ?? 'swarm,parallel,sequential,batched').split(',');

const swarm = await core.Swarm.start({
  modelPath: MODEL, modelId: 'bench', instances: Math.max(...NS), contextSize: 512,
  threads: process.env.BENCH_THREADS ? Number(process.env.BENCH_THREADS) : null, maxQueue: 4,
});
const engine = swarm.engine;
const sampling = (i) => ({ maxTokens: TOKENS, temperature: 0.7, topP: 0.95, seed: 1000 + i, stop: [], json: false });
const never = new AbortController().signal;

async function viaSwarm(n) {
  const t0 = performance.now();
  const out = await swarm.generate({ prompt, maxTokens: TOKENS, candidates: n, seed: 1000 },
    { signal: never, elapsedMs: () => performance.now() - t0 });
  if (!out.ok) throw new Error(out.failure.message);
  return out.candidates.map((c) => c.completionTokens);
}
async function parallel(n) {
  const tokens = engine.tokenize(prompt);
  const out = await Promise.all(engine.sequences.slice(0, n).map((s, i) => engine.generate(s, tokens, sampling(i), never)));
  return out.map((c) => c.completionTokens);
}
async function sequential(n) {
  const tokens = engine.tokenize(prompt);
  const counts = [];
  for (let i = 0; i < n; i++) counts.push((await engine.generate(engine.sequences[i], tokens, sampling(i), never)).completionTokens);
  return counts;
}
// Lock-step loop on the public controlledEvaluate: every sequence's call is queued in the same
// tick, so node-llama-cpp puts them in one batch; EOG ignored (length forced to TOKENS).
async function batched(n) {
  const tokens = engine.tokenize(prompt);
  const seqs = engine.sequences.slice(0, n);
  await Promise.all(seqs.map((s) => s.clearHistory()));
  const gen = (i, step) => ({ generateNext: { token: true, confidence: !process.env.BENCH_NOCONF, options: { temperature: 0.7, topP: 0.95, ...(process.env.BENCH_TOPK ? { topK: Number(process.env.BENCH_TOPK) } : {}), seed: (1000 + i + step * 7919) >>> 0 } } });
  // Prompt once on sequence 0 (all but the last token), copied to the others.
  const head = tokens.slice(0, -1);
  await seqs[0].evaluateWithoutGeneratingNewTokens(head);
  if (process.env.BENCH_NOCOPY) await Promise.all(seqs.slice(1).map((s) => s.evaluateWithoutGeneratingNewTokens(head)));
  else for (const s of seqs.slice(1)) await s._copyStateFromOtherSequence(seqs[0], head.length);
  let last = seqs.map(() => tokens[tokens.length - 1]);
  const counts = seqs.map(() => 0);
  for (let step = 0; step < TOKENS; step++) {
    const res = await Promise.all(seqs.map((s, i) => s.controlledEvaluate([[last[i], gen(i, step)]])));
    last = res.map((r) => r[0].next.token);
    for (let i = 0; i < n; i++) counts[i]++;
  }
  return counts;
}
const fns = { swarm: viaSwarm, parallel, sequential, batched };
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

console.log(`machine: ${os.cpus()[0].model}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, node ${process.version}, loadavg ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
console.log(`model: ${path.basename(MODEL)}; ${TOKENS} tokens/candidate; median of ${REPS}; threads ${engine.context.currentThreads}/${engine.context.idealThreads}`);
for (const f of MODES) await fns[f](1); // warm-up
const results = {};
for (const n of NS) {
  for (const f of MODES) {
    const times = []; let counts;
    for (let r = 0; r < REPS; r++) { const t0 = performance.now(); counts = await fns[f](n); times.push(performance.now() - t0); }
    (results[f] ??= {})[n] = { ms: median(times), counts };
  }
}
console.log(['N', ...MODES.flatMap((f) => [`${f} ms`, `x N=1`])].join('\t'));
for (const n of NS) console.log([n, ...MODES.flatMap((f) => [results[f][n].ms.toFixed(0), (results[f][n].ms / results[f][NS[0]].ms).toFixed(2)])].join('\t'));
console.log('completion tokens at max N:', MODES.map((f) => `${f}=${results[f][Math.max(...NS)].counts.join(',')}`).join(' '));
await swarm.stop();
