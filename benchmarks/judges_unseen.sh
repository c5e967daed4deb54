#!/usr/bin/env bash
# The CPU judges on benches they were not tuned on (issue 15; the "Results" of docs/benchmarks.md).
#
#   bash benchmarks/judges_unseen.sh                 # seed 41, 120 pairs a task + 68 + 48 + 48 + 48 + 48 + 48 + 48 + 48 + 48 + 48 + 48 held-out gallery pairs (validation)
#   SEED=67 HELDOUT_SEED=71 OUT=build/judges_test bash benchmarks/judges_unseen.sh   # the test split (59/61, 53/55, 47/49: earlier ones)
#   N=30 HELDOUT_N=20 OUT=/tmp/ju bash benchmarks/judges_unseen.sh
#
# Builds a bench per task from a seed nobody tuned on (charts from verm's generator,
# tables and SVGs from ../shared/corpora) and one from the held-out real-world-style
# charts (src/verm/corpus/gallery/heldout, heldout2 at HELDOUT2_SEED, heldout3 at HELDOUT3_SEED, heldout4 at
# HELDOUT4_SEED, heldout5 at HELDOUT5_SEED, heldout6 at HELDOUT6_SEED, heldout7 at HELDOUT7_SEED, heldout8 at HELDOUT8_SEED, heldout9 at HELDOUT9_SEED, heldout10 at HELDOUT10_SEED and heldout11 at HELDOUT11_SEED), runs scene, pixel, auto, mse and ssim over
# every pair, then writes per bench: the metric tables, the items-per-true-change
# distribution, and the reward hacks that score at or above an honest candidate.
# Every step is resumable: run it again after an interruption.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PYTHONPATH="$ROOT/src${PYTHONPATH:+:$PYTHONPATH}"
N="${N:-120}"
SEED="${SEED:-41}"
HELDOUT_N="${HELDOUT_N:-68}"
HELDOUT_SEED="${HELDOUT_SEED:-43}"
HELDOUT2_N="${HELDOUT2_N:-48}"
HELDOUT2_SEED="${HELDOUT2_SEED:-47}"
HELDOUT3_N="${HELDOUT3_N:-48}"
HELDOUT3_SEED="${HELDOUT3_SEED:-53}"
HELDOUT4_N="${HELDOUT4_N:-48}"
HELDOUT4_SEED="${HELDOUT4_SEED:-79}"
HELDOUT5_N="${HELDOUT5_N:-48}"
HELDOUT5_SEED="${HELDOUT5_SEED:-89}"
HELDOUT6_N="${HELDOUT6_N:-48}"
HELDOUT6_SEED="${HELDOUT6_SEED:-101}"
HELDOUT7_N="${HELDOUT7_N:-48}"
HELDOUT7_SEED="${HELDOUT7_SEED:-103}"
HELDOUT8_N="${HELDOUT8_N:-48}"
HELDOUT8_SEED="${HELDOUT8_SEED:-107}"
HELDOUT9_N="${HELDOUT9_N:-48}"
HELDOUT9_SEED="${HELDOUT9_SEED:-109}"
HELDOUT10_N="${HELDOUT10_N:-48}"
HELDOUT10_SEED="${HELDOUT10_SEED:-113}"
HELDOUT11_N="${HELDOUT11_N:-48}"
HELDOUT11_SEED="${HELDOUT11_SEED:-127}"
OUT="${OUT:-$ROOT/build/judges_unseen}"
CORPORA="${CORPORA:-$ROOT/../shared/corpora}"
WORKERS="${WORKERS:-$(nproc)}"
JUDGES=(scene pixel auto mse ssim)
verm() { python -m verm.cli "$@"; }

mkdir -p "$OUT"
start=$(date +%s)
verm bench make --task chart --out "$OUT/chart" --n "$N" --seed "$SEED" --max-edits 3
verm bench make --task table --sources "$CORPORA/tables" --out "$OUT/table" --n "$N" --seed "$SEED" --max-edits 3
verm bench make --task svg --sources "$CORPORA/svg" --out "$OUT/svg" --n "$N" --seed "$SEED" --max-edits 3
verm bench make --task chart --sources "$ROOT/src/verm/corpus/gallery/heldout" --out "$OUT/heldout" \
  --n "$HELDOUT_N" --seed "$HELDOUT_SEED" --max-edits 3
verm bench make --task chart --sources "$ROOT/src/verm/corpus/gallery/heldout2" --out "$OUT/heldout2" \
  --n "$HELDOUT2_N" --seed "$HELDOUT2_SEED" --max-edits 3
verm bench make --task chart --sources "$ROOT/src/verm/corpus/gallery/heldout3" --out "$OUT/heldout3" \
  --n "$HELDOUT3_N" --seed "$HELDOUT3_SEED" --max-edits 3
verm bench make --task chart --sources "$ROOT/src/verm/corpus/gallery/heldout4" --out "$OUT/heldout4" \
  --n "$HELDOUT4_N" --seed "$HELDOUT4_SEED" --max-edits 3
verm bench make --task chart --sources "$ROOT/src/verm/corpus/gallery/heldout5" --out "$OUT/heldout5" \
  --n "$HELDOUT5_N" --seed "$HELDOUT5_SEED" --max-edits 3
verm bench make --task chart --sources "$ROOT/src/verm/corpus/gallery/heldout6" --out "$OUT/heldout6" \
  --n "$HELDOUT6_N" --seed "$HELDOUT6_SEED" --max-edits 3
verm bench make --task chart --sources "$ROOT/src/verm/corpus/gallery/heldout7" --out "$OUT/heldout7" \
  --n "$HELDOUT7_N" --seed "$HELDOUT7_SEED" --max-edits 3
verm bench make --task chart --sources "$ROOT/src/verm/corpus/gallery/heldout8" --out "$OUT/heldout8" \
  --n "$HELDOUT8_N" --seed "$HELDOUT8_SEED" --max-edits 3
verm bench make --task chart --sources "$ROOT/src/verm/corpus/gallery/heldout9" --out "$OUT/heldout9" \
  --n "$HELDOUT9_N" --seed "$HELDOUT9_SEED" --max-edits 3
verm bench make --task chart --sources "$ROOT/src/verm/corpus/gallery/heldout10" --out "$OUT/heldout10" \
  --n "$HELDOUT10_N" --seed "$HELDOUT10_SEED" --max-edits 3
verm bench make --task chart --sources "$ROOT/src/verm/corpus/gallery/heldout11" --out "$OUT/heldout11" \
  --n "$HELDOUT11_N" --seed "$HELDOUT11_SEED" --max-edits 3
made=$(date +%s)

for bench in chart table svg heldout heldout2 heldout3 heldout4 heldout5 heldout6 heldout7 heldout8 heldout9 heldout10 heldout11; do
  for judge in "${JUDGES[@]}"; do
    verm bench run "$OUT/$bench" --judge "$judge" --out "$OUT/results/$bench/$judge" --workers "$WORKERS"
  done
  verm bench eval "${JUDGES[@]/#/$OUT/results/$bench/}" --markdown "$OUT/$bench-eval.md" --html "$OUT/$bench-eval.html"
  python "$ROOT/benchmarks/item_counts.py" "$OUT/results/$bench/scene" "$OUT/results/$bench/pixel" | tee "$OUT/$bench-items.txt"
done
judged=$(date +%s)

for bench in chart table svg heldout heldout2 heldout3 heldout4 heldout5 heldout6 heldout7 heldout8 heldout9 heldout10 heldout11; do
  python "$ROOT/benchmarks/hacks.py" --bench "$OUT/$bench" --judges scene,pixel,auto --json "$OUT/hacks-$bench.json" \
    | tee "$OUT/hacks-$bench.txt"
done
for bench in chart heldout heldout2 heldout3 heldout4 heldout5 heldout6 heldout7 heldout8 heldout9 heldout10 heldout11; do  # the reference's look with its data flattened
  python "$ROOT/benchmarks/hacks.py" --bench "$OUT/$bench" --judges scene,pixel,auto --kinds "flattened data" \
    --json "$OUT/flat-$bench.json" | tee "$OUT/flat-$bench.txt"
done
echo "benches made in $((made - start)) s, judged in $((judged - made)) s, hacks in $(($(date +%s) - judged)) s" \
  "on $(nproc) CPUs ($(uname -m))"
echo "tables: $OUT/<bench>-eval.md   items: $OUT/<bench>-items.txt   hacks: $OUT/hacks-<bench>.txt, $OUT/flat-<bench>.txt"
