# Chord diagram of trade flows between five regions: Wedge arcs on a circle joined by Bezier PathPatch ribbons.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import PathPatch, Wedge
from matplotlib.path import Path

regions = ["N. America", "Europe", "E. Asia", "S. Asia", "Africa"]
flows = np.array(
    [
        [0, 42, 55, 12, 6],
        [38, 0, 47, 15, 22],
        [61, 52, 0, 28, 18],
        [9, 14, 21, 0, 7],
        [4, 19, 16, 5, 0],
    ],
    dtype=float,
)
colors = plt.get_cmap("Set2")(np.arange(len(regions)))
totals = flows.sum(axis=1) + flows.sum(axis=0)
gap = 4.0
scale = (360 - gap * len(regions)) / totals.sum()

starts, ends = [], []
a = 90.0
for t in totals:
    starts.append(a)
    a += t * scale
    ends.append(a)
    a += gap

fig, ax = plt.subplots(figsize=(7.5, 7.5))
cursor = list(starts)


def pt(angle, r=0.9):
    rad = np.deg2rad(angle)
    return (r * np.cos(rad), r * np.sin(rad))


spans = {}
for i in range(len(regions)):
    for j in range(len(regions)):
        if i == j:
            continue
        w = flows[i, j] * scale
        spans[(i, j)] = (cursor[i], cursor[i] + w)
        cursor[i] += w
for i in range(len(regions)):
    for j in range(len(regions)):
        if i == j:
            continue
        a0, a1 = spans[(i, j)]
        b0, b1 = spans[(j, i)]
        if i > j:
            continue
        verts = [pt(a0), pt(a1), (0, 0), pt(b0), pt(b1), (0, 0), pt(a0), pt(a0)]
        codes = [
            Path.MOVETO,
            Path.LINETO,
            Path.CURVE3,
            Path.CURVE3,
            Path.LINETO,
            Path.CURVE3,
            Path.CURVE3,
            Path.CLOSEPOLY,
        ]
        big = i if flows[i, j] >= flows[j, i] else j
        ax.add_patch(PathPatch(Path(verts, codes), facecolor=colors[big], alpha=0.55, edgecolor=colors[big], lw=0.5))

for i, name in enumerate(regions):
    ax.add_patch(Wedge((0, 0), 1.0, starts[i], ends[i], width=0.09, facecolor=colors[i], edgecolor="white"))
    mid = np.deg2rad((starts[i] + ends[i]) / 2)
    rot = np.rad2deg(mid) - 90
    ax.text(
        1.1 * np.cos(mid),
        1.1 * np.sin(mid),
        f"{name}\n${totals[i]:.0f}bn",
        ha="center",
        va="center",
        rotation=rot if abs(rot) < 90 else rot + 180,
        fontsize=10,
    )
ax.set_xlim(-1.3, 1.3)
ax.set_ylim(-1.3, 1.3)
ax.set_aspect("equal")
ax.axis("off")
ax.set_title("Inter-regional trade in machinery, 2023", fontsize=13)
fig.tight_layout()
