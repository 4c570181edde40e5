import path from 'node:path';

/** Repository root: this file is tools/eval/dist/federation-quality/ once built (src/ for specs: same depth). */
export const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');
/** The built node, run as a user would: `node apps/swarm-node/dist/main.js`. */
export const SWARM_NODE_ENTRY = path.join(REPO_ROOT, 'apps', 'swarm-node', 'dist', 'main.js');
/** The built model fetcher: prints a model's path, fetching it first when missing. */
export const MODEL_FETCHER_ENTRY = path.join(REPO_ROOT, 'tools', 'model-fetcher', 'dist', 'main.js');
