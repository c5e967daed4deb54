# Formula 1 race tyre-strategy chart: each driver's stints as horizontal bars coloured by compound, pit laps labelled, safety-car periods shaded, drivers in finishing order.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

plt.style.use("dark_background")
plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9})

laps = 57
drivers = [
    "VER",
    "NOR",
    "LEC",
    "PIA",
    "SAI",
    "HAM",
    "RUS",
    "PER",
    "ALO",
    "STR",
    "GAS",
    "OCO",
    "ALB",
    "TSU",
    "HUL",
    "MAG",
]
compound_col = {"S": "#da291c", "M": "#ffd12e", "H": "#f0f0f0", "I": "#43b02a"}
rng = np.random.default_rng(2025)
plans = [("M", "H"), ("M", "H", "H"), ("S", "H", "M"), ("H", "M")]
strategies = []
for i in range(len(drivers)):
    plan = plans[(i * 7 + 3) % 4]
    k = len(plan) - 1
    cuts = np.round(laps * np.arange(1, k + 1) / (k + 1) + rng.normal(0, 3.5, k)).astype(int)
    if i in (4, 11):
        cuts[-1] = 33  # stopped under the safety car
    strategies.append((plan, np.r_[0, np.sort(cuts), laps]))

fig, ax = plt.subplots(figsize=(11, 6.4))
for a, b, lab in [(31, 35, "SC"), (44, 46, "VSC")]:
    ax.axvspan(a, b, color="#ffeb3b", alpha=0.15, lw=0)
    ax.text((a + b) / 2, -0.9, lab, ha="center", color="#ffeb3b", fontsize=9, fontweight="bold")
for row, (plan, edges) in enumerate(strategies):
    for c, s, e in zip(plan, edges[:-1], edges[1:], strict=True):
        ax.barh(row, e - s, left=s, height=0.66, color=compound_col[c], edgecolor="#111111", lw=1.2)
        ax.text((s + e) / 2, row, f"{c}  {e - s}", ha="center", va="center", fontsize=7.5, color="#111111")
    for p in edges[1:-1]:
        ax.text(p, row - 0.42, f"L{p}", ha="center", va="bottom", fontsize=6.5, color="#bdbdbd")
ax.set_yticks(range(len(drivers)), [f"P{i + 1:<2d} {d}" for i, d in enumerate(drivers)], family="DejaVu Sans Mono")
ax.invert_yaxis()
ax.set_xlim(0, laps)
ax.set_ylim(len(drivers) - 0.4, -1.4)
ax.set_xticks(np.r_[np.arange(0, laps, 5), laps])
ax.set_xlabel("Lap")
ax.tick_params(axis="y", length=0)
for side in ("top", "right", "left"):
    ax.spines[side].set_visible(False)
ax.grid(axis="x", color="#444444", lw=0.6)
ax.set_axisbelow(True)
handles = [
    Patch(facecolor=compound_col[k], edgecolor="#111111", label=n)
    for k, n in [("S", "Soft"), ("M", "Medium"), ("H", "Hard")]
]
ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.09), ncol=3, frameon=False)
ax.set_title("Bahrain Grand Prix — tyre strategies (stint compound and length)", loc="left", fontsize=12, pad=10)
fig.tight_layout()
