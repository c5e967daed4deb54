# Grouped boxplots of systolic blood pressure by visit week for placebo and two drug doses, with jittered patient points and a group legend
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

plt.style.use("seaborn-v0_8-dark")

rng = np.random.default_rng(4109)
weeks = ["Baseline", "Week 4", "Week 8", "Week 12"]
arms = {"Placebo": [0, -1, -2, -2], "10 mg": [0, -5, -8, -9], "20 mg": [0, -8, -13, -15]}
colors = ["#9e9ac8", "#6baed6", "#fd8d3c"]

fig, ax = plt.subplots(figsize=(10, 5.8))
width = 0.24
for k, (shifts, color) in enumerate(zip(arms.values(), colors)):
    positions = np.arange(len(weeks)) + (k - 1) * (width + 0.03)
    data = [rng.normal(148 + s, 11 + 0.5 * abs(s) ** 0.5, rng.integers(28, 40)) for s in shifts]
    bp = ax.boxplot(
        data,
        positions=positions,
        widths=width,
        patch_artist=True,
        showfliers=False,
        medianprops=dict(color="black", lw=1.5),
        whiskerprops=dict(color="0.3"),
        capprops=dict(color="0.3"),
    )
    for box in bp["boxes"]:
        box.set_facecolor(color)
        box.set_alpha(0.75)
    for pos, d in zip(positions, data):
        ax.scatter(pos + rng.uniform(-width / 3, width / 3, d.size), d, s=9, color="0.15", alpha=0.55, zorder=3)
    means = [d.mean() for d in data]
    ax.plot(positions, means, color=color, lw=1.2, ls="--", marker="^", ms=6, mec="black", zorder=4)

ax.set_xticks(np.arange(len(weeks)), weeks)
ax.set_ylabel("Systolic blood pressure (mmHg)")
threshold = ax.axhline(140, color="#b30000", lw=1, ls=":", label="140 mmHg threshold")
handles = [Patch(facecolor=c, alpha=0.75, label=a) for a, c in zip(arms, colors)] + [threshold]
ax.legend(handles=handles, title="arm (\u25b2 mean)", loc="lower left", frameon=True, ncols=2)
ax.set_ylim(100, 190)
ax.set_title("Blood pressure over a 12-week trial", fontsize=14, fontweight="bold")
fig.tight_layout()
