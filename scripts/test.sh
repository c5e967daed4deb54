#!/usr/bin/env bash
# The test command: sets up .venv (scripts/install.sh), checks dependencies, lints,
# runs every test. Nothing outside .venv is used, so a package installed by hand
# elsewhere cannot hide a missing dependency. Trainers whose pins clash with .venv
# (veRL, ms-swift) are tested in .venv-trainers (scripts/integration-envs.sh), which
# is set up in the background while the lints and the main suite run.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VERM_VENV:-.venv}"
TRAINERS_LOG=.venv-trainers.log
# The hf judge's tests run a tiny model on the CPU; torch==2.13.0 is the CPU build
# (on a machine without it on disk, pip fetches it from PyPI).
bash scripts/install.sh
"$VENV/bin/python" -m pip install -q --disable-pip-version-check "torch==2.13.0" "transformers==5.23.0"
bash scripts/install.sh test
# After the main install, not beside it: two pip runs at once slow both down.
bash scripts/integration-envs.sh install > "$TRAINERS_LOG" 2>&1 &
trainers_setup=$!
export PATH="$PWD/$VENV/bin:$PATH"
deptry src
deptry tests benchmarks --ignore DEP002,DEP004
ruff check src tests benchmarks
ruff format --check src tests benchmarks
lint-imports
# The slowest tests are listed, so a run that nears CI's 30 minutes shows where the time went.
python -m pytest tests -q --durations=15 "$@"
if ! wait "$trainers_setup"; then
  cat "$TRAINERS_LOG" >&2
  echo "setting up .venv-trainers failed (log above, also in $TRAINERS_LOG)" >&2
  exit 1
fi
bash scripts/integration-envs.sh test
