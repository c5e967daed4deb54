# Voronoi (nearest-station) regions of 14 rain gauges coloured by monthly rainfall, with station labels and catchment outline
import matplotlib.patheffects as pe
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.patches import Polygon

rng = np.random.default_rng(14)
names = [
    "Ashby",
    "Brook",
    "Carden",
    "Dunmore",
    "Elsted",
    "Fenwick",
    "Glaze",
    "Harrow",
    "Ilkley",
    "Jarrow",
    "Kettle",
    "Lowther",
    "Marsh",
    "Norbury",
]
xy = rng.uniform([0.5, 0.5], [19.5, 14.5], (len(names), 2))
rain = np.round(40 + 8 * xy[:, 1] + rng.normal(0, 12, len(names)))

x = np.linspace(0, 20, 500)
y = np.linspace(0, 15, 380)
X, Y = np.meshgrid(x, y)
d2 = (X[..., None] - xy[:, 0]) ** 2 + (Y[..., None] - xy[:, 1]) ** 2
nearest = np.argmin(d2, axis=-1)
field = rain[nearest]

bounds = [40, 60, 80, 100, 120, 140, 180]
cmap = ListedColormap(["#f7fbff", "#c6dbef", "#6baed6", "#3182bd", "#08519c", "#08306b"])
norm = BoundaryNorm(bounds, cmap.N, extend="neither")
fig, ax = plt.subplots(figsize=(9.5, 6.6))
catch = Polygon(
    [(1, 2), (4, 0.6), (10, 1.2), (16, 0.8), (19, 4), (18.5, 9), (16, 13.6), (9, 14.2), (3, 12.5), (0.6, 7)],
    closed=True,
    facecolor="none",
    edgecolor="k",
    lw=2,
    zorder=4,
)
ax.add_patch(catch)
im = ax.pcolormesh(x, y, field, cmap=cmap, norm=norm, shading="auto")
im.set_clip_path(catch)
cs = ax.contour(x, y, nearest, levels=np.arange(len(names)) + 0.5, colors="0.25", linewidths=0.7)
cs.set_clip_path(catch)
ax.scatter(xy[:, 0], xy[:, 1], marker="^", s=60, color="#e34a33", edgecolor="k", zorder=5, label="Rain gauge")
for (px, py), nm, r in zip(xy, names, rain):
    t = ax.text(px + 0.25, py + 0.25, f"{nm}\n{r:.0f} mm", fontsize=8, zorder=6)
    t.set_path_effects([pe.withStroke(linewidth=2.5, foreground="white")])
areal = field[(X > 1) & (X < 19)].mean()
ax.text(
    0.02,
    0.02,
    f"Thiessen areal mean: {areal:.0f} mm",
    transform=ax.transAxes,
    fontsize=10,
    bbox=dict(boxstyle="round", fc="white", ec="0.5"),
)
cb = fig.colorbar(im, ax=ax, shrink=0.8, spacing="proportional")
cb.set_label("Rainfall, March (mm)")
ax.set_xlim(0, 20)
ax.set_ylim(0, 15)
ax.set_aspect("equal")
ax.set_xlabel("Easting (km)")
ax.set_ylabel("Northing (km)")
ax.legend(loc="upper right")
ax.set_title("Thiessen polygons for the Upper Wen catchment")
fig.tight_layout()
