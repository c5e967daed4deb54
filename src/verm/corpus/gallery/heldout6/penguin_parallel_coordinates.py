# Parallel-coordinates plot of penguin body measurements for three species, each axis scaled to its own range, with custom legend handles
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.lines import Line2D

plt.style.use("seaborn-v0_8-ticks")

rng = np.random.default_rng(21)
variables = ["Bill length\n(mm)", "Bill depth\n(mm)", "Flipper\n(mm)", "Body mass\n(g)", "Age\n(years)"]
species = {
    "Adelie": ([38.8, 18.3, 190, 3700, 6], [2.6, 1.2, 6.5, 450, 2.5], "#ff7f0e"),
    "Chinstrap": ([48.8, 18.4, 196, 3730, 8], [3.3, 1.1, 7.1, 380, 3.0], "#9467bd"),
    "Gentoo": ([47.5, 15.0, 217, 5080, 7], [3.1, 1.0, 6.5, 500, 2.0], "#17becf"),
}
data = {name: rng.normal(mu, sd, size=(18, len(variables))) for name, (mu, sd, _) in species.items()}
stacked = np.vstack(list(data.values()))
lo, hi = stacked.min(axis=0), stacked.max(axis=0)

fig, ax = plt.subplots(figsize=(10, 5.5))
xs = np.arange(len(variables))
for name, rows in data.items():
    color = species[name][2]
    for row in rows:
        ax.plot(xs, (row - lo) / (hi - lo), color=color, alpha=0.35, lw=1)
    ax.plot(xs, (rows.mean(axis=0) - lo) / (hi - lo), color=color, lw=3.2)
for x in xs:
    ax.axvline(x, color="black", lw=1)
    for frac in (0, 0.5, 1):
        value = lo[x] + frac * (hi[x] - lo[x])
        ax.text(
            x + 0.04,
            frac,
            f"{value:,.0f}" if value > 100 else f"{value:.1f}",
            fontsize=8,
            va="center",
            bbox={"boxstyle": "square,pad=0.1", "fc": "white", "ec": "none"},
        )
ax.set_xticks(xs, variables)
ax.xaxis.tick_top()
ax.set_yticks([])
ax.set_xlim(-0.15, len(variables) - 0.6)
ax.set_ylim(-0.04, 1.04)
for side in ("left", "right", "bottom", "top"):
    ax.spines[side].set_visible(False)
handles = [Line2D([], [], color=c, lw=3) for _, _, c in species.values()]
handles.append(Line2D([], [], color="0.4", lw=1, alpha=0.5))
ax.legend(
    handles, list(species) + ["one bird"], loc="lower center", bbox_to_anchor=(0.5, -0.14), ncols=4, frameon=False
)
fig.suptitle("Palmer-style penguin measurements (thick: species mean)", y=0.99)
fig.subplots_adjust(top=0.83, bottom=0.12, left=0.03, right=0.97)
plt.show()
