/**
 * node-llama-cpp for benchmarks that measure the engine itself, without our libs in between.
 * It is ESM-only: with `module: node16` this `import()` stays a real dynamic import in the
 * CommonJS build (a `require` would fail with ERR_REQUIRE_ASYNC_MODULE).
 */
export type NodeLlamaCpp = typeof import('node-llama-cpp', { with: { 'resolution-mode': 'import' } });

export function loadNodeLlamaCpp(): Promise<NodeLlamaCpp> {
  return import(/* webpackIgnore: true */ 'node-llama-cpp');
}
