# Lake bathymetry as filled depth contours with labelled isobaths, sounding points and the deepest point marked
import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(0, 4.0, 240)  # km
y = np.linspace(0, 2.5, 160)
X, Y = np.meshgrid(x, y)
basins = [(1.1, 1.2, 0.55, 0.40, 38.0), (2.7, 1.35, 0.7, 0.45, 52.0), (3.4, 0.8, 0.3, 0.25, 21.0)]
depth = np.zeros_like(X)
for bx, by, sx, sy, d in basins:
    depth += d * np.exp(-(((X - bx) / sx) ** 2 + ((Y - by) / sy) ** 2))
shore = ((X - 2.0) / 1.95) ** 2 + ((Y - 1.2) / 1.1) ** 2
depth = np.where(shore < 1, depth * (1 - shore) ** 0.3, np.nan)

rng = np.random.default_rng(77)
sx = rng.uniform(0.3, 3.7, 90)
sy = rng.uniform(0.3, 2.1, 90)
inside = ((sx - 2.0) / 1.95) ** 2 + ((sy - 1.2) / 1.1) ** 2 < 0.9

fig, ax = plt.subplots(figsize=(9, 5.8))
filled = ax.contourf(X, Y, depth, levels=np.arange(0, 56, 5), cmap="Blues")
lines = ax.contour(X, Y, depth, levels=[5, 10, 20, 30, 40, 50], colors="k", linewidths=0.6)
ax.clabel(lines, fmt="%d m", fontsize=8, inline=True)
ax.plot(sx[inside], sy[inside], "+", color="#b03a2e", ms=5, label="sonar soundings")
k = np.nanargmax(depth)
ax.plot(X.flat[k], Y.flat[k], marker="v", color="#f1c40f", mec="k", ms=11, label=f"max depth {np.nanmax(depth):.0f} m")
ax.set_aspect("equal")
ax.set_xlabel("Easting (km)")
ax.set_ylabel("Northing (km)")
ax.set_title("Bathymetric survey, Lake Oberau (2023)")
ax.legend(loc="upper left", fontsize=9)
cbar = fig.colorbar(filled, ax=ax, shrink=0.8)
cbar.set_label("Depth (m)")
cbar.ax.invert_yaxis()
fig.tight_layout()
plt.show()
