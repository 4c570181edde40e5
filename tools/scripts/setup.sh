#!/usr/bin/env bash
# Everything a fresh machine needs to run Local Swarm, idempotent and quick when already done:
#   node >= 20.10 and python3/pip checks, npm ci (skipped while node_modules matches
#   package-lock.json), nx build of every project (Nx cache), and the default model in
#   ~/.cache/local-swarm/models (skipped while its .sha256 stamp is fresh).
# All output goes to stderr. Env: LOCAL_SWARM_CACHE (cache root, default ~/.cache/local-swarm).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LOCAL_SWARM_ROOT"
exec 1>&2
setup_start="$(now)"

step "setup: checking node and python3/pip"
command -v node >/dev/null 2>&1 || die "node not found: install Node.js >= 20.10 (https://nodejs.org)"
# shellcheck disable=SC2016 # JavaScript, not shell expansions
node -e '
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 10)) {
    console.error(`error: node ${process.versions.node} is too old: Local Swarm needs >= 20.10`);
    process.exit(1);
  }
' || exit 1
command -v npm >/dev/null 2>&1 || die "npm not found: it ships with Node.js"
echo "node $(node --version)"
if pip_version="$(python3 -m pip --version 2>/dev/null)" || pip_version="$(pip --version 2>/dev/null)"; then
  echo "pip: $pip_version"
else
  # Only needed to download a model that is not cached yet; the fetcher says so if it is.
  echo "warning: neither 'python3 -m pip' nor 'pip' runs; models can only come from the cache"
fi

step "setup: npm dependencies"
t="$(now)"
# node_modules is current when the stamp matches the lock file plus what native modules depend on.
# shellcheck disable=SC2016 # JavaScript, not shell expansions
lock_hash="$(node -e '
  const { createHash } = require("node:crypto");
  const { readFileSync } = require("node:fs");
  const h = createHash("sha256").update(readFileSync("package-lock.json"));
  h.update(`\n${process.versions.modules} ${process.platform} ${process.arch}`);
  console.log(h.digest("hex"));
')"
stamp=node_modules/.local-swarm-lock-hash
if [[ -f "$stamp" && "$(cat "$stamp")" == "$lock_hash" ]]; then
  echo "node_modules matches package-lock.json; skipping npm ci"
else
  # The npm cache lives in ~/.cache/local-swarm/npm (.npmrc); --prefer-offline uses it first.
  npm ci --prefer-offline --no-audit --no-fund
  printf '%s\n' "$lock_hash" >"$stamp"
fi
echo "npm dependencies ready in $(elapsed "$t")"

step "setup: nx build (all projects)"
t="$(now)"
npx nx run-many -t build --outputStyle=static
echo "build done in $(elapsed "$t")"

step "setup: default model"
t="$(now)"
model_path="$(node tools/model-fetcher/dist/main.js --model default)"
echo "model: $model_path ($(elapsed "$t"))"

# The same weights requantised to Q4_0 (llama.cpp's batched kernels cover Q4_0, not Q4_1), derived
# in TypeScript and checked against a pinned sha256; a second run finds it and skips the work.
step "setup: derived model (Q4_0 of the same weights)"
t="$(now)"
derived_path="$(node tools/model-fetcher/dist/main.js --model smollm2-135m-q4_0)"
echo "derived model: $derived_path ($(elapsed "$t"))"

step "setup: done in $(elapsed "$setup_start")"
