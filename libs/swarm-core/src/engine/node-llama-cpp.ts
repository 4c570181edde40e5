/**
 * The only place that loads node-llama-cpp.
 *
 * node-llama-cpp is ESM-only with top-level await, so CommonJS code cannot `require()` it
 * (ERR_REQUIRE_ASYNC_MODULE). With `module: node16` TypeScript keeps this `import()` as a real
 * dynamic import; the webpackIgnore comment keeps bundlers from turning it into `require`.
 */
export type NodeLlamaCpp = typeof import('node-llama-cpp', { with: { 'resolution-mode': 'import' } });

let loading: Promise<NodeLlamaCpp> | undefined;

export function loadNodeLlamaCpp(): Promise<NodeLlamaCpp> {
  loading ??= import(/* webpackIgnore: true */ 'node-llama-cpp');
  return loading;
}
