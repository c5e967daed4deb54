# Elevation profile of a mountain cycling stage, filled per kilometre by gradient, with categorised climbs and a sprint
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.patches import Patch

plt.rcParams.update({"font.family": "DejaVu Sans", "axes.spines.top": False, "axes.spines.right": False})
rng = np.random.default_rng(77)

length = 162
km = np.arange(0, length + 1)
# Build the road from gradients (%) per kilometre: rolling valley, two passes and a summit finish
grad = rng.normal(0.3, 1.2, length)
for a, b, g in ((38, 52, 6.8), (52, 66, -6.5), (92, 110, 7.6), (110, 126, -7.0), (147, 162, 8.4)):
    grad[a:b] = g + rng.normal(0, 1.4, b - a)
elev = 420 + np.r_[0, np.cumsum(grad * 10)]

bounds = [-30, 0, 3, 6, 9, 30]
cols = ["#bdbdbd", "#a1d99b", "#fed976", "#fd8d3c", "#bd0026"]
cmap, norm = ListedColormap(cols), BoundaryNorm(bounds, len(cols))

fig, ax = plt.subplots(figsize=(11, 4.8))
for i in range(length):
    ax.fill_between(km[i : i + 2], 0, elev[i : i + 2], color=cmap(norm(grad[i])), lw=0)
ax.plot(km, elev, color="#333", lw=1.3)

climbs = [(52, "Col de la Croix", "1"), (110, "Col du Mollard", "HC"), (162, "Le Corbier", "1")]
for k, name, cat in climbs:
    ax.annotate(
        f"{name}\n{elev[k]:,.0f} m",
        xy=(k, elev[k]),
        xytext=(k, elev[k] + 260),
        ha="center",
        fontsize=9,
        arrowprops={"arrowstyle": "-", "color": "0.4", "lw": 0.8},
    )
    ax.text(
        k,
        elev[k] + 640,
        cat,
        ha="center",
        va="center",
        fontsize=8,
        weight="bold",
        color="white",
        bbox={"boxstyle": "circle,pad=0.3", "fc": "#c0392b" if cat == "HC" else "#e67e22", "ec": "none"},
    )
    a = int(np.argmin(elev[max(k - 16, 0) : k])) + max(k - 16, 0)
    ax.text(
        (a + k) / 2,
        elev[a] - 120,
        f"{k - a} km @ {(elev[k] - elev[a]) / (k - a) / 10:.1f}%",
        ha="center",
        va="top",
        fontsize=8,
        color="#333",
        bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.85},
    )

ax.plot(78, elev[78] + 40, marker="v", color="#27ae60", ms=10)
ax.text(78, elev[78] + 100, "sprint", ha="center", fontsize=8, color="#27ae60")
for k, town in ((0, "Albertville"), (30, "Aiguebelle"), (78, "Saint-Avre"), (130, "St-Jean-de-M.")):
    ax.text(k + 0.5, 40, town, rotation=90, fontsize=8, va="bottom", color="#222")

ax.set_xlim(0, length)
ax.set_ylim(0, elev.max() + 850)
ax.set_xticks(np.arange(0, length + 1, 20))
ax.set_xlabel("Distance (km)")
ax.set_ylabel("Altitude (m)")
ax.grid(axis="y", color="0.9")
ax.set_axisbelow(True)
ax.legend(
    handles=[Patch(color=c, label=lab) for c, lab in zip(cols, ["descent", "0-3%", "3-6%", "6-9%", "> 9%"])],
    title="gradient",
    ncol=5,
    loc="upper left",
    fontsize=8,
    title_fontsize=8,
    frameon=False,
)
ax.set_title(f"Stage 12 - Albertville > Le Corbier, {length} km", loc="left", weight="bold")
fig.tight_layout()
