#!/usr/bin/env bash
# The test command: installs what the tests need, lints, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
python -m pip install -q -e ".[test]"
ruff check src tests benchmarks
ruff format --check src tests benchmarks
lint-imports
python -m pytest tests -q "$@"
