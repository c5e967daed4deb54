# Fitness tracker dashboard: move/exercise/stand activity rings for today beside weekly bars against the daily goals
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Wedge

plt.style.use("dark_background")
rng = np.random.default_rng(9)

goals = {"Move": (600, "kcal", "#fa114f"), "Exercise": (30, "min", "#92e82a"), "Stand": (12, "h", "#1eeaef")}
today = {"Move": 742, "Exercise": 24, "Stand": 9}
days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
week = {
    "Move": rng.normal(560, 140, 7).round(),
    "Exercise": np.clip(rng.normal(28, 12, 7), 3, None).round(),
    "Stand": np.clip(rng.normal(10, 2.5, 7), 4, 14).round(),
}
for k in goals:
    week[k][-1] = today[k]

fig, axd = plt.subplot_mosaic(
    [["rings", "Move"], ["rings", "Exercise"], ["rings", "Stand"]], figsize=(10, 6), width_ratios=[1.1, 1.6]
)
ax = axd["rings"]
ax.set_aspect("equal")
ax.set_xlim(-1.1, 1.1)
ax.set_ylim(-1.55, 1.1)
ax.axis("off")

for i, (name, (goal, unit, col)) in enumerate(goals.items()):
    r = 1.0 - i * 0.27
    frac = today[name] / goal
    ax.add_patch(Wedge((0, 0), r, 0, 360, width=0.22, color=col, alpha=0.22))
    ax.add_patch(Wedge((0, 0), r, 90 - 360 * min(frac, 1), 90, width=0.22, color=col))
    if frac > 1:  # second lap drawn darker on top
        ax.add_patch(Wedge((0, 0), r, 90 - 360 * (frac - 1), 90, width=0.22, facecolor=col, edgecolor="black", lw=1.2))
    ax.text(
        -1.05,
        -1.18 - 0.13 * i,
        f"{name}: {today[name]:.0f}/{goal} {unit} ({frac:.0%})",
        color=col,
        fontsize=10,
        weight="bold",
        va="center",
    )
ax.set_title("Today", fontsize=13, weight="bold", loc="left")

for name, (goal, unit, col) in goals.items():
    a = axd[name]
    vals = week[name]
    met = vals >= goal
    bars = a.bar(days, vals, color=[col if m else "#555555" for m in met], width=0.65)
    a.axhline(goal, color=col, ls="--", lw=1)
    a.text(-0.45, goal, f"goal {goal}", color=col, va="bottom", ha="left", fontsize=8)
    a.bar_label(bars, fmt="%.0f", fontsize=8, padding=2, color="0.85")
    a.set_ylim(0, max(vals.max(), goal) * 1.3)
    a.set_ylabel(unit)
    a.spines[["top", "right"]].set_visible(False)
    a.set_title(f"{name} - goal met {met.sum()}/7 days", loc="left", fontsize=10, color=col)
    if name != "Stand":
        a.tick_params(labelbottom=False)
fig.suptitle("Activity summary - week 23", fontsize=14, weight="bold", x=0.02, ha="left")
fig.tight_layout()
