# Hurricane forecast map: observed track coloured by Saffir-Simpson category, forecast points and the cone of uncertainty
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon

rng = np.random.default_rng(2024)
plt.rcParams.update({"axes.facecolor": "#d6eaf8", "font.size": 9})

# Observed 6-hourly track (lon, lat) and max sustained wind (kt)
t = np.linspace(0, 1, 21)
lon = -58 - 26 * t - 3 * np.sin(np.pi * t)
lat = 14 + 9 * t + 3 * t**2
wind = 28 + 104 * np.sin(0.5 * np.pi * t) ** 2 - 18 * np.exp(-(((t - 0.62) / 0.06) ** 2))  # weakens over land

# Forecast points at 12, 24, 36, 48, 72, 96, 120 h with growing error radii (deg)
fh = np.array([12, 24, 36, 48, 72, 96, 120])
f_lon = lon[-1] - 0.09 * fh + 0.0004 * fh**2
f_lat = lat[-1] + 0.085 * fh + 0.0002 * fh**2
radius = np.interp(fh, [0, 12, 24, 36, 48, 72, 96, 120], [0, 0.4, 0.65, 0.9, 1.15, 1.7, 2.4, 3.1])

fig, ax = plt.subplots(figsize=(9, 6.3))

# Hand-drawn land masses (a coastline and an island chain)
coast = np.array(
    [
        [-100, 18],
        [-97, 19.5],
        [-97.5, 26],
        [-94, 29.6],
        [-89, 30.2],
        [-84, 30],
        [-82.8, 27.5],
        [-81, 25.2],
        [-80.1, 26.8],
        [-81.3, 30.5],
        [-79, 33.2],
        [-75.5, 35.3],
        [-76, 38],
        [-74, 40.5],
        [-70, 41.5],
        [-70, 45],
        [-100, 45],
    ]
)
ax.add_patch(Polygon(coast, closed=True, facecolor="#f5efd9", edgecolor="#8d7b5b", lw=0.8, zorder=1))
for cx, cy, w, h in ((-79, 21.8, 9, 1.2), (-71.5, 19, 4.5, 1.2), (-66.4, 18.2, 1.6, 0.5), (-77.3, 18.1, 1.8, 0.6)):
    ang = np.linspace(0, 2 * np.pi, 40)
    ax.add_patch(
        Polygon(
            np.column_stack([cx + w / 2 * np.cos(ang), cy + h / 2 * np.sin(ang)]),
            facecolor="#f5efd9",
            edgecolor="#8d7b5b",
            lw=0.8,
            zorder=1,
        )
    )

# Cone: left/right offsets perpendicular to the forecast path, closed by a half circle at 120 h
px = np.r_[lon[-1], f_lon]
py = np.r_[lat[-1], f_lat]
pr = np.r_[0.0, radius]
dx, dy = np.gradient(px), np.gradient(py)
nx, ny = -dy / np.hypot(dx, dy), dx / np.hypot(dx, dy)
left = np.column_stack([px + nx * pr, py + ny * pr])
right = np.column_stack([px - nx * pr, py - ny * pr])
head = np.arctan2(dy[-1], dx[-1])
arc = np.linspace(head - np.pi / 2, head + np.pi / 2, 30)
cap = np.column_stack([px[-1] + pr[-1] * np.cos(arc), py[-1] + pr[-1] * np.sin(arc)])
cone = np.vstack([right, cap, left[::-1]])
ax.add_patch(Polygon(cone, closed=True, facecolor="white", edgecolor="#555", alpha=0.55, lw=1, zorder=2, hatch="..."))
ax.plot(px, py, color="k", lw=1, ls="--", zorder=3)

cat_bounds = [0, 34, 64, 83, 96, 113, 137, 200]
cat_cols = ["#5dade2", "#48c9b0", "#f7dc6f", "#f5b041", "#eb984e", "#e74c3c", "#8e44ad"]
cat_names = ["TD", "TS", "Cat 1", "Cat 2", "Cat 3", "Cat 4", "Cat 5"]
cmap, norm = ListedColormap(cat_cols), BoundaryNorm(cat_bounds, len(cat_cols))
segs = np.stack([np.column_stack([lon[:-1], lat[:-1]]), np.column_stack([lon[1:], lat[1:]])], axis=1)
lc = LineCollection(segs, cmap=cmap, norm=norm, lw=4, zorder=4)
lc.set_array((wind[:-1] + wind[1:]) / 2)
ax.add_collection(lc)
ax.scatter(lon, lat, c=wind, cmap=cmap, norm=norm, s=22, edgecolor="k", lw=0.5, zorder=5)
ax.scatter(f_lon, f_lat, s=30, facecolor="white", edgecolor="k", zorder=5)
for x, y, h in zip(f_lon, f_lat, fh):
    if h in (24, 48, 72, 96, 120):
        ax.text(x + 0.5, y - 0.3, f"+{h} h", fontsize=8, zorder=6)
ax.annotate(
    f"now: {wind[-1]:.0f} kt",
    xy=(lon[-1], lat[-1]),
    xytext=(lon[-1] + 6, lat[-1] - 1.5),
    arrowprops={"arrowstyle": "->"},
    fontsize=9,
    weight="bold",
    zorder=6,
)

handles = [Line2D([], [], color=c, lw=4, label=n) for c, n in zip(cat_cols, cat_names)]
handles.append(Line2D([], [], color="k", ls="--", marker="o", mfc="white", label="forecast"))
ax.legend(handles=handles, loc="lower left", fontsize=8, title="Intensity", ncol=2, framealpha=0.95)

ax.set_xlim(-100, -55)
ax.set_ylim(10, 42)
ax.set_aspect(1 / np.cos(np.deg2rad(26)))
ax.xaxis.set_major_formatter(lambda v, _: f"{abs(v):.0f}°W")
ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0f}°N")
ax.grid(color="white", lw=0.6)
ax.set_title("Hurricane Delia - advisory 23, track and 5-day cone", loc="left", weight="bold")
fig.tight_layout()
