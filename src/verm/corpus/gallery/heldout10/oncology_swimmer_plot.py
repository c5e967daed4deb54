# Swimmer plot of time on treatment for 16 patients with response onset, progression and ongoing-treatment arrows
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.lines import Line2D

plt.rcParams.update(
    {"font.family": "DejaVu Sans", "font.size": 9, "axes.spines.top": False, "axes.spines.right": False}
)

rng = np.random.default_rng(21)
n = 16
duration = np.sort(rng.gamma(3.0, 4.0, n) + 2)
stage = rng.choice(["III", "IV"], n, p=[0.35, 0.65])
ongoing = rng.random(n) < 0.35
resp_start = np.where(rng.random(n) < 0.7, duration * rng.uniform(0.1, 0.4, n), np.nan)
cr = rng.random(n) < 0.25
prog = np.where(~ongoing & (rng.random(n) < 0.8), duration * rng.uniform(0.85, 1.0, n), np.nan)
ids = [f"P{i:02d}" for i in rng.permutation(np.arange(1, 40))[:n]]

fig, ax = plt.subplots(figsize=(8.5, 5.4))
y = np.arange(n)
stage_col = {"III": "#74a9cf", "IV": "#045a8d"}
ax.barh(y, duration, height=0.6, color=[stage_col[s] for s in stage], zorder=2)
for yi, d, on in zip(y, duration, ongoing):
    if on:
        ax.annotate("", xy=(d + 2.2, yi), xytext=(d + 0.2, yi), arrowprops=dict(arrowstyle="-|>", color="k", lw=1.2))
ax.scatter(
    resp_start, y, marker="^", s=55, color=np.where(cr, "#1a9850", "#fee08b"), edgecolor="k", linewidth=0.6, zorder=3
)
ax.scatter(prog, y, marker="X", s=60, color="#d73027", edgecolor="k", linewidth=0.5, zorder=3)

ax.set_yticks(y, ids)
ax.set_xlabel("Months since first dose")
ax.set_ylabel("Patient")
ax.set_xlim(0, duration.max() + 5)
ax.xaxis.grid(True, color="0.9", zorder=0)
ax.set_title("Duration of treatment and response, dose-expansion cohort", loc="left")

handles = [
    Line2D([], [], color=stage_col["III"], lw=7, label="Stage III"),
    Line2D([], [], color=stage_col["IV"], lw=7, label="Stage IV"),
    Line2D([], [], marker="^", ls="", mfc="#1a9850", mec="k", ms=8, label="Complete response"),
    Line2D([], [], marker="^", ls="", mfc="#fee08b", mec="k", ms=8, label="Partial response"),
    Line2D([], [], marker="X", ls="", mfc="#d73027", mec="k", ms=8, label="Progression"),
    Line2D([], [], marker=r"$\rightarrow$", ls="", color="k", ms=12, label="Ongoing"),
]
ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, title="Legend")
fig.tight_layout()
