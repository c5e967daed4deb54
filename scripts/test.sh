#!/usr/bin/env bash
# The test command: installs what the tests need, lints, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
# The hf judge's tests run a tiny model on the CPU; torch==2.13.0 is the CPU build on local disk.
python -m pip install -q "torch==2.13.0" "transformers==5.23.0"
python -m pip install -q -e ".[test]"
ruff check src tests benchmarks
ruff format --check src tests benchmarks
lint-imports
python -m pytest tests -q "$@"
