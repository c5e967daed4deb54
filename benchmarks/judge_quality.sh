#!/usr/bin/env bash
# Judge quality on verm's perturbation benchmark (the numbers in docs/benchmarks.md).
#
#   bash benchmarks/judge_quality.sh            # N=300 pairs per task, seed 0
#   N=30 OUT=/tmp/jq bash benchmarks/judge_quality.sh
#
# Builds one bench per task (charts from verm's generator, tables and SVGs from
# ../shared/corpora), merges them, runs the pixel judge and the baselines over
# every pair, and writes the metric tables (Markdown), a report page and a
# sample page. Every step is resumable: run it again after an interruption.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PYTHONPATH="$ROOT/src${PYTHONPATH:+:$PYTHONPATH}"
N="${N:-300}"
SEED="${SEED:-0}"
MAX_EDITS="${MAX_EDITS:-3}"
OUT="${OUT:-$ROOT/build/judge_quality}"
CORPORA="${CORPORA:-$ROOT/../shared/corpora}"
WORKERS="${WORKERS:-$(nproc)}"
verm() { python -m verm.cli "$@"; }

mkdir -p "$OUT"
start=$(date +%s)
verm bench make --task chart --out "$OUT/chart" --n "$N" --seed "$SEED" --max-edits "$MAX_EDITS"
verm bench make --task table --sources "$CORPORA/tables" --out "$OUT/table" --n "$N" --seed "$SEED" --max-edits "$MAX_EDITS"
verm bench make --task svg --sources "$CORPORA/svg" --out "$OUT/svg" --n "$N" --seed "$SEED" --max-edits "$MAX_EDITS"
verm bench merge "$OUT/chart" "$OUT/table" "$OUT/svg" --out "$OUT/all"
verm bench sample "$OUT/all" --out "$OUT/sample.html" --n 36
made=$(date +%s)

for judge in pixel mse psnr ssim; do
  verm bench run "$OUT/all" --judge "$judge" --out "$OUT/results/$judge" --workers "$WORKERS"
done
verm bench run "$OUT/table" --judge teds --out "$OUT/results/teds" --workers "$WORKERS"
judged=$(date +%s)

verm bench eval "$OUT/results/pixel" "$OUT/results/mse" "$OUT/results/psnr" "$OUT/results/ssim" "$OUT/results/teds" \
  --markdown "$OUT/judge_quality.md" --html "$OUT/judge_quality.html"
for judge in pixel mse psnr ssim teds; do
  verm bench eval "$OUT/results/$judge" --json > "$OUT/results/$judge/eval.json"
done
# How far the pixel judge's severity r could rise, error kind by error kind (docs/benchmarks.md).
python "$ROOT/benchmarks/severity_bounds.py" "$OUT/results/pixel"
echo "bench made in $((made - start)) s, judged in $((judged - made)) s on $(nproc) CPUs ($(uname -m))"
echo "tables: $OUT/judge_quality.md   report: $OUT/judge_quality.html   sample: $OUT/sample.html"
