#!/usr/bin/env bash
# Sets up (see setup.sh) and starts a Local Swarm node; arguments go to the node, e.g.
#   bash tools/scripts/start-node.sh --auto
# LOCAL_SWARM_SKIP_SETUP=1 skips the setup step (a quick restart when nothing changed).
# Relative paths in the arguments stay relative to the caller's working directory.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
if [[ "${LOCAL_SWARM_SKIP_SETUP:-0}" != "1" ]]; then
  # Setup logs to stderr: the node's stdout is the node's alone.
  bash "$LOCAL_SWARM_ROOT/tools/scripts/setup.sh"
fi
exec node "$LOCAL_SWARM_ROOT/apps/swarm-node/bin/local-swarm.js" "$@"
