#!/usr/bin/env bash
# The Python virtual environment of the official clients the e2e suite drives (the `openai` package
# and `langchain-openai`, pinned in tools/pyclients/requirements.txt): created once per version of
# that file in ~/.cache/local-swarm/pyclients-venv-<sha256 prefix>, never in the repository, and
# reused while it imports them. Prints the venv's python on stdout; everything else goes to stderr.
# Exits non-zero, saying why, when python3, its venv module or the install fails.
# Env: LOCAL_SWARM_CACHE (cache root, default ~/.cache/local-swarm), PIP_CACHE_DIR (default ~/.cache/pip).
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LOCAL_SWARM_ROOT"

requirements=tools/pyclients/requirements.txt
cache_root="${LOCAL_SWARM_CACHE:-$HOME/.cache/local-swarm}"
[[ -f "$requirements" ]] || die "$requirements is missing"
command -v python3 >/dev/null 2>&1 || die "python3 not found: the Python client tests need Python >= 3.9 with its venv module"
hash="$(python3 -c 'import hashlib, sys; print(hashlib.sha256(open(sys.argv[1], "rb").read()).hexdigest()[:16])' "$requirements")"
venv="$cache_root/pyclients-venv-$hash"
python="$venv/bin/python"
# Written last: a venv without it was interrupted mid-install and is rebuilt.
stamp="$venv/.local-swarm-installed"

# A venv of an interpreter that has since gone (python3 upgraded) no longer imports: rebuilt too.
if [[ -f "$stamp" ]] && "$python" -c 'import openai, langchain_openai, langchain_core, pydantic' 2>/dev/null; then
  echo "python clients: $venv is ready" >&2
  printf '%s\n' "$python"
  exit 0
fi

step "pyclients: creating $venv"
t="$(now)"
mkdir -p "$cache_root"
python3 -m venv --clear "$venv" >&2 ||
  die "python3 -m venv failed: install Python's venv module (on Debian/Ubuntu: apt-get install python3-venv)"
"$python" -m pip install --cache-dir "${PIP_CACHE_DIR:-$HOME/.cache/pip}" --disable-pip-version-check \
  --no-input -r "$requirements" >&2 ||
  die "pip install -r $requirements into $venv failed (see pip's output above): the Python client tests cannot run"
"$python" -c 'import openai, langchain_openai, langchain_core, pydantic' >&2 ||
  die "the clients installed into $venv do not import (see above)"
printf '%s\n' "$hash" >"$stamp"
echo "python clients installed in $(elapsed "$t")" >&2
printf '%s\n' "$python"
