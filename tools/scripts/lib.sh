# shellcheck shell=bash
# Shared helpers for tools/scripts/*.sh (sourced, not run).

# Repository root, whatever the caller's working directory.
LOCAL_SWARM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export LOCAL_SWARM_ROOT

# Determinism: no Nx daemon, no Nx Cloud, plain (non-TUI) Nx output. node-llama-cpp must never
# download or build llama.cpp (it uses node-llama-cpp's prebuilt CPU binaries from npm; a source build would need to download llama.cpp).
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
export NODE_LLAMA_CPP_SKIP_DOWNLOAD=true

# Seconds since the epoch with sub-second precision where bash has it (bash >= 5).
now() {
  if [[ -n "${EPOCHREALTIME:-}" ]]; then printf '%s' "${EPOCHREALTIME/,/.}"; else printf '%s' "$SECONDS"; fi
}

# elapsed START -> "1.23s"
elapsed() {
  awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.2fs", b - a }'
}

# step NAME: announce a step (on stderr, so callers' stdout stays theirs).
step() {
  printf '\n==> %s\n' "$*" >&2
}

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}
