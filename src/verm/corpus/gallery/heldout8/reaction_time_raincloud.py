# Raincloud plot of reaction times in four conditions: half violins, narrow boxes and jittered points with custom Path markers.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.path import Path

plt.style.use("seaborn-v0_8-colorblind")
rng = np.random.default_rng(64)
conds = ["Congruent", "Neutral", "Incongruent", "Incongruent\n+ load"]
data = [rng.lognormal(np.log(m), 0.22, 60) for m in (480, 510, 575, 640)]
colors = plt.rcParams["axes.prop_cycle"].by_key()["color"][:4]
star = Path.unit_regular_star(5, 0.45)

fig, ax = plt.subplots(figsize=(10, 5.5))
parts = ax.violinplot(data, positions=np.arange(4), orientation="horizontal", showextrema=False, widths=0.8)
for body, c in zip(parts["bodies"], colors):
    verts = body.get_paths()[0].vertices
    verts[:, 1] = np.clip(verts[:, 1], verts[:, 1].mean(), np.inf)
    body.set_facecolor(c)
    body.set_edgecolor("k")
    body.set_alpha(0.7)
ax.boxplot(
    data,
    positions=np.arange(4) - 0.12,
    orientation="horizontal",
    widths=0.08,
    showfliers=False,
    patch_artist=True,
    boxprops=dict(facecolor="white"),
    medianprops=dict(color="k"),
)
for i, (d, c) in enumerate(zip(data, colors)):
    y = i - 0.3 + rng.uniform(-0.07, 0.07, d.size)
    slow = d > np.percentile(d, 95)
    ax.scatter(d[~slow], y[~slow], s=12, color=c, alpha=0.7, lw=0)
    ax.scatter(d[slow], y[slow], s=70, marker=star, color=c, edgecolor="k", lw=0.5)
    ax.plot(np.mean(d), i + 0.05, marker=r"$\bigstar$", color="k", ms=10)
ax.set_yticks(np.arange(4))
ax.set_yticklabels(conds)
ax.set_xlabel("Reaction time (ms)")
ax.scatter([], [], s=70, marker=star, color="0.6", edgecolor="k", label="slowest 5% of trials")
ax.plot([], [], marker=r"$\bigstar$", color="k", ms=10, ls="none", label="condition mean")
ax.legend(loc="lower right", fontsize=9)
ax.set_title("Stroop task: reaction times by condition (60 trials each)", loc="left")
fig.tight_layout()
