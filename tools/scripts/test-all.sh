#!/usr/bin/env bash
# Runs every check of the repository: setup, the Python clients' venv (pyclients-venv.sh), lint,
# then the jest targets `test` (unit and in-process integration), `test-model` (real GGUF),
# `test-netns` (real sockets in network namespaces), `e2e` (real node processes; also the official
# Python clients), `e2e-netns` (several nodes on a LAN of namespaces) and `e2e-dashboard` (the
# dashboard in Chromium against nodes in namespaces).
# One project at a time. Every jest target writes tmp/test-results/<project>-<target>.json (--json
# --outputFile); the totals over those files are the last line: `N passed, N failed`.
# Exits non-zero when setup, lint or any target fails, any test fails, or no test ran at all.
# Env: LOCAL_SWARM_STEP_TIMEOUT_S (default 1200) limits each step when CI is set.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$LOCAL_SWARM_ROOT"
all_start="$(now)"

if ! bash tools/scripts/setup.sh; then
  echo "FAILED steps: setup (nothing else ran)"
  echo "0 passed, 0 failed"
  exit 1
fi

step "test-all: chromium (for the dashboard's browser tests)"
# Debian's Chromium drives the dashboard's Playwright tests (playwright-core never downloads a
# browser here). Installed once; without apt-get or root only a warning: those tests then fail
# with a message saying so.
if [[ -x /usr/bin/chromium ]]; then
  echo "chromium present: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
elif ! command -v apt-get >/dev/null 2>&1; then
  echo "warning: /usr/bin/chromium is missing and apt-get is unavailable; the dashboard browser tests will fail"
elif [[ "$(id -u)" -ne 0 ]]; then
  echo "warning: /usr/bin/chromium is missing and installing it needs root (apt-get install -y chromium); the dashboard browser tests will fail"
else
  t="$(now)"
  if apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; then
    echo "chromium installed in $(elapsed "$t")"
  else
    echo "warning: apt-get install -y chromium failed; the dashboard browser tests will fail"
  fi
fi

results_dir=tmp/test-results
rm -rf "$results_dir"
mkdir -p "$results_dir"

# Under CI a hung step must not eat the whole budget (45 min): each step gets at most this long.
# GNU timeout signals the step's whole process group (nx, jest and the nodes they start); it also
# moves it out of the terminal's foreground group, where Ctrl-C would no longer reach it, so it
# is used only when CI is set.
step_timeout_s="${LOCAL_SWARM_STEP_TIMEOUT_S:-1200}"
with_timeout() {
  if [[ -n "${CI:-}" && "${CI}" != "false" ]] && command -v timeout >/dev/null 2>&1; then
    timeout --kill-after=30 "$step_timeout_s" "$@"
  else
    "$@"
  fi
}

failed_steps=()
timings=()
# run_step NAME COMMAND...: run, remember failure, never stop the script.
run_step() {
  local name="$1" t rc=0
  shift
  step "test-all: $name"
  t="$(now)"
  with_timeout "$@" || rc=$?
  if [[ $rc -eq 124 || $rc -eq 137 ]]; then echo "$name: timed out after ${step_timeout_s}s" >&2; fi
  timings+=("$name $(elapsed "$t") (exit $rc)")
  if [[ $rc -ne 0 ]]; then failed_steps+=("$name"); fi
}

# The official Python clients (openai, langchain-openai) the e2e suite drives, in a venv under
# ~/.cache: the suite reads its python from LOCAL_SWARM_PYCLIENTS_PYTHON. An install that fails
# is a failed step (the test command fails), never a skipped suite.
step "test-all: python clients venv (for the e2e suite)"
t="$(now)"
rc=0
pyclients_python="$(with_timeout bash tools/scripts/pyclients-venv.sh)" || rc=$?
timings+=("pyclients-venv $(elapsed "$t") (exit $rc)")
if [[ $rc -eq 0 ]]; then
  export LOCAL_SWARM_PYCLIENTS_PYTHON="$pyclients_python"
  echo "python clients: $LOCAL_SWARM_PYCLIENTS_PYTHON"
else
  failed_steps+=("pyclients-venv")
  echo "error: the Python client venv could not be installed (see above); the e2e suite's Python client tests will fail" >&2
fi

run_step lint npx nx run-many -t lint --outputStyle=static
# run-many skips projects without the target. --parallel=1: model and e2e tests each load models
# and start servers; on 2 cores they must not compete (unit tests pay little for it).
for target in test test-model test-netns e2e e2e-netns e2e-dashboard; do
  run_step "$target" npx nx run-many -t "$target" --parallel=1 --outputStyle=stream
done

step "test-all: summary"
for line in "${timings[@]}"; do echo "  $line"; done
echo "  total $(elapsed "$all_start")"
if ((${#failed_steps[@]} > 0)); then
  echo "FAILED steps: ${failed_steps[*]}"
fi

# Sum the jest JSON summaries; prints the totals line and exits 1 on failures or no tests.
summary_rc=0
node - "$results_dir" <<'NODE' || summary_rc=$?
const { readdirSync, readFileSync } = require('node:fs');
const { join } = require('node:path');
const dir = process.argv[2];
let passed = 0;
let failed = 0;
for (const file of readdirSync(dir).filter((name) => name.endsWith('.json')).sort()) {
  let r;
  try {
    r = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  } catch (error) {
    console.log(`  ${file}: unreadable (${error.message}); counted as 1 failure`);
    failed += 1;
    continue;
  }
  const p = r.numPassedTests ?? 0;
  const f = (r.numFailedTests ?? 0) + (r.numRuntimeErrorTestSuites ?? 0);
  console.log(`  ${file}: ${p} passed, ${r.numFailedTests ?? 0} failed, ${r.numRuntimeErrorTestSuites ?? 0} suites failed to run`);
  passed += p;
  failed += f;
  // Name what failed, with the first lines of its message: CI shows only the tail of this log.
  for (const suite of r.testResults ?? []) {
    const failedTests = (suite.assertionResults ?? []).filter((test) => test.status === 'failed');
    if (failedTests.length === 0 && suite.status === 'failed') {
      console.log(`    suite failed: ${suite.name}\n${indent(suite.message)}`);
    }
    for (const test of failedTests) {
      console.log(`    failed: ${suite.name} › ${test.fullName}\n${indent((test.failureMessages ?? []).join('\n'))}`);
    }
  }
}
function indent(text) {
  const clean = String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  return clean.split('\n').filter((line) => line.trim() !== '').slice(0, 8).map((line) => `      ${line.slice(0, 300)}`).join('\n');
}
if (passed + failed === 0) console.log('no test ran');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed + failed === 0 ? 1 : 0);
NODE

if ((${#failed_steps[@]} > 0 || summary_rc != 0)); then exit 1; fi
