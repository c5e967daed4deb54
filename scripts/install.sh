#!/usr/bin/env bash
# Sets verm up on a fresh Debian/Ubuntu machine: system packages, then a virtual
# environment of its own (.venv in the checkout, reused when present) with verm and
# the extras given as arguments (default: none beyond the core). Everything verm
# imports comes from pyproject.toml, never from packages installed by hand.
#   bash scripts/install.sh            # the core: score with the CPU judges
#   bash scripts/install.sh test       # what the tests need (scripts/test.sh does this)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-system-deps.sh
VENV="${VERM_VENV:-.venv}"
PYTHON="${PYTHON:-python3}"
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' || {
    echo "verm needs Python >= 3.11; $PYTHON is $("$PYTHON" --version 2>&1). Set PYTHON=/path/to/python3.11." >&2
    exit 1
  }
  "$PYTHON" -m venv "$VENV"
fi
extras="${1:-}"
spec="."
[ -n "$extras" ] && spec=".[$extras]"
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -e "$spec"
