#!/usr/bin/env bash
# The benchmark suite in one command, on a fresh machine too:
#   bash tools/scripts/bench-all.sh [--only consensus-cost,memory] [--skip answer-quality]
# Sets up (see setup.sh: npm ci, build, default model), fetches the second model (Gemma 3 270M,
# for the two-model federation run), then runs every benchmark one after another and writes
# docs/benchmarks.md with its SVG charts (docs/benchmarks/). Federation benchmarks run their
# nodes in network namespaces they create (root needed; nothing leaves those namespaces).
# Takes about 15-20 minutes on 2 cores. Exit status 1 when any benchmark failed (the report
# says which and why); 2 for a usage error.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LOCAL_SWARM_ROOT"
if [[ "${LOCAL_SWARM_SKIP_SETUP:-0}" != "1" ]]; then
  bash tools/scripts/setup.sh
  step "bench-all: second model (Gemma 3 270M) for the two-model federation run"
  node tools/model-fetcher/dist/main.js --model gemma3-270m >/dev/null
fi
step "bench-all: running the suite"
exec node tools/bench/dist/main.js "$@"
