#!/usr/bin/env bash
# Tests of trainers whose pins clash with the main environment run in a virtual
# environment of their own, .venv-trainers (veRL and ms-swift; see scripts/envs/trainers.txt).
#   bash scripts/integration-envs.sh install   # create it, or update it when the pins or pyproject.toml changed
#   bash scripts/integration-envs.sh test      # run tests/envs in it
# scripts/test.sh runs both. VERM_TRAINERS_VENV moves the environment; PYTHON picks the interpreter.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV="${VERM_TRAINERS_VENV:-.venv-trainers}"
PYTHON="${PYTHON:-python3}"
PINS=scripts/envs/trainers.txt
PIP=("$VENV/bin/python" -m pip install -q --disable-pip-version-check)

install() {
  local want stamp="$VENV/.verm-pins"
  want="$(cat "$PINS" pyproject.toml | sha256sum | cut -c1-16)"
  [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
  if [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    echo "$VENV is up to date"
    return
  fi
  # torch==2.13.0 first, alone: it is the CPU build on this disk, and with it installed no
  # trainer's requirement can pull a CUDA build.
  "${PIP[@]}" "torch==2.13.0"
  "${PIP[@]}" -r "$PINS"
  "${PIP[@]}" -c "$PINS" -e .
  "$VENV/bin/python" -m pip check
  echo "$want" > "$stamp"
}

run_tests() {
  "$VENV/bin/python" -m pytest tests/envs -q -p no:cacheprovider "$@"
}

case "${1:-}" in
  install) install ;;
  test) shift; run_tests "$@" ;;
  *) echo "usage: bash scripts/integration-envs.sh install|test [pytest args]" >&2; exit 2 ;;
esac
