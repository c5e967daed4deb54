# Schematic metro map of four lines at 0/45/90-degree angles with stations, interchange rings, terminus labels, a river and a fare-zone boundary
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Ellipse

plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 8})
rng = np.random.default_rng(1424)

lines = {
    "Red": ("#e32017", [(0, 6), (2, 6), (4, 6), (5, 5), (6, 4), (8, 4), (10, 4), (12, 4), (13, 3)]),
    "Blue": ("#0019a8", [(3, 0), (3, 2), (4, 3), (6, 4), (7, 5), (7, 7), (7, 9)]),
    "Green": ("#00782a", [(0, 2), (2, 2), (3, 2), (5, 2), (7, 2), (9, 2), (10, 3), (10, 4), (10, 6), (11, 7)]),
    "Yellow": ("#ffd300", [(4, 9), (5, 8), (7, 7), (9, 7), (11, 7), (12, 8), (13, 8)]),
}
names = {
    (0, 6): "Westgate",
    (2, 6): "Hill Park",
    (4, 6): "Market",
    (5, 5): "Old Bridge",
    (6, 4): "Central",
    (8, 4): "Museum",
    (10, 4): "Harbour",
    (12, 4): "Docks",
    (13, 3): "East Pier",
    (3, 0): "Airport",
    (3, 2): "Station Sq.",
    (4, 3): "Mill Lane",
    (7, 5): "University",
    (7, 7): "Cathedral",
    (7, 9): "North End",
    (0, 2): "Fairfield",
    (2, 2): "Elm Road",
    (5, 2): "Riverside",
    (7, 2): "Stadium",
    (9, 2): "Canal St.",
    (10, 3): "Wharf",
    (10, 6): "Gasworks",
    (11, 7): "Parkway",
    (4, 9): "Highfield",
    (5, 8): "Orchard",
    (9, 7): "Theatre",
    (12, 8): "Lakeside",
    (13, 8): "Airport East",
}
offset = {
    (6, 4): (0.25, -0.35),
    (3, 2): (0.2, -0.45),
    (4, 3): (-1.2, 0.05),
    (10, 6): (0.25, -0.2),
    (9, 2): (-0.4, -0.45),
    (7, 7): (0.25, 0.3),
    (10, 4): (0.25, 0.35),
    (11, 7): (0.2, 0.35),
}

fig, ax = plt.subplots(figsize=(12, 8))
rx = np.linspace(-1, 14.5, 200)
ry = 3.3 + 0.5 * np.sin(rx / 2.2)
ax.fill_between(rx, ry - 0.25, ry + 0.25, color="#a8d8f0", zorder=0)
ax.text(1.2, 3.55, "River Wend", color="#3a89b5", style="italic", fontsize=10, rotation=12)
ax.add_patch(Ellipse((6.5, 4.8), 9.5, 6.2, fc="none", ec="0.6", ls=(0, (6, 4)), lw=1.2, zorder=0))
ax.text(10.4, 7.9, "Zone 1", color="0.45", fontsize=10)

count = {}
for pts in (p for _, p in lines.values()):
    for pt in pts:
        count[pt] = count.get(pt, 0) + 1
for name, (col, pts) in lines.items():
    xs, ys = zip(*pts)
    ax.plot(xs, ys, color=col, lw=7, solid_capstyle="round", solid_joinstyle="round", zorder=2, label=f"{name} line")
    single = [pt for pt in pts if count[pt] == 1]
    ax.plot(*zip(*single), "o", ms=6, mfc="white", mec=col, mew=2, ls="", zorder=3)
    for end in (pts[0], pts[-1]):
        ax.text(
            end[0],
            end[1] - 0.45,
            name[0],
            ha="center",
            va="center",
            fontsize=8,
            fontweight="bold",
            color="white",
            bbox=dict(boxstyle="circle,pad=0.2", fc=col, ec="none"),
            zorder=5,
        )
for pt, c in count.items():
    if c > 1:
        ax.plot(*pt, "o", ms=14, mfc="white", mec="k", mew=2.5, zorder=4)
for pt, label in names.items():
    dx, dy = offset.get(pt, (0.22, 0.25))
    weight = "bold" if count.get(pt, 0) > 1 else "normal"
    ax.text(pt[0] + dx, pt[1] + dy, label, fontsize=8.5, fontweight=weight, zorder=6)
ax.plot([], [], "o", ms=10, mfc="white", mec="k", mew=2, ls="", label="interchange")
ax.legend(loc="lower right", fontsize=9, frameon=True, title="Network 2026")
ax.set_xlim(-0.8, 14.8)
ax.set_ylim(-0.8, 10)
ax.set_aspect("equal")
ax.axis("off")
ax.set_title("Rapid Transit — schematic map (not to scale)", fontsize=14, loc="left")
fig.tight_layout()
