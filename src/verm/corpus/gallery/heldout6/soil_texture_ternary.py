# Ternary-style scatter of soil samples by sand, silt and clay fractions, drawn on a hand-made triangular grid
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"font.family": "serif", "font.size": 10})


def to_xy(sand, silt, clay):
    """Barycentric (sand, silt, clay) fractions to Cartesian: sand at lower left, clay at the apex."""
    total = sand + silt + clay
    sand, silt, clay = sand / total, silt / total, clay / total
    return silt + clay / 2, clay * np.sqrt(3) / 2


rng = np.random.default_rng(42)
sites = {
    "River terrace": ([0.65, 0.25, 0.10], "#c44e52", "o"),
    "Loess plateau": ([0.15, 0.65, 0.20], "#4c72b0", "s"),
    "Lake bed": ([0.15, 0.35, 0.50], "#55a868", "^"),
}

fig, ax = plt.subplots(figsize=(7, 6.3))
corners = np.array([[0, 0], [1, 0], [0.5, np.sqrt(3) / 2], [0, 0]])
ax.plot(corners[:, 0], corners[:, 1], color="black", lw=1.2)
for f in np.arange(0.1, 1.0, 0.1):
    for a, b in [((f, 1 - f, 0), (f, 0, 1 - f)), ((1 - f, f, 0), (0, f, 1 - f)), ((1 - f, 0, f), (0, 1 - f, f))]:
        xa, ya = to_xy(*a)
        xb, yb = to_xy(*b)
        ax.plot([xa, xb], [ya, yb], color="0.85", lw=0.7, zorder=0)
    x, y = to_xy(1 - f, f, 0)
    ax.text(x, y - 0.035, f"{f * 100:.0f}", ha="center", va="top", fontsize=8)
    x, y = to_xy(0, 1 - f, f)
    ax.text(x + 0.025, y, f"{f * 100:.0f}", ha="left", va="center", fontsize=8)
    x, y = to_xy(f, 0, 1 - f)
    ax.text(x - 0.025, y, f"{f * 100:.0f}", ha="right", va="center", fontsize=8)

for name, (centre, color, marker) in sites.items():
    comp = rng.dirichlet(np.array(centre) * 40, size=25)
    x, y = to_xy(comp[:, 0], comp[:, 1], comp[:, 2])
    ax.scatter(x, y, s=36, color=color, marker=marker, edgecolor="black", linewidth=0.5, label=name, zorder=3)

ax.text(0.5, -0.1, "Silt (%)  →", ha="center", va="top")
ax.text(0.82, 0.47, "←  Clay (%)", ha="center", rotation=-60)
ax.text(0.17, 0.47, "←  Sand (%)", ha="center", rotation=60)
ax.set_aspect("equal")
ax.set_xlim(-0.12, 1.12)
ax.set_ylim(-0.16, 0.95)
ax.axis("off")
ax.legend(loc="upper left", frameon=False, title="Sampling site")
ax.set_title("Soil texture of 75 cores from three sites", fontsize=12)
fig.tight_layout()
plt.show()
