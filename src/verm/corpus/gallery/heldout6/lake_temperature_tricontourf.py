# Filled contours (tricontourf) of lake surface temperature measured at scattered buoys, with the triangulation and buoys overlaid
import matplotlib.pyplot as plt
import matplotlib.tri as mtri
import numpy as np

plt.style.use("seaborn-v0_8-white")

rng = np.random.default_rng(8)
n = 70
angle = rng.uniform(0, 2 * np.pi, n)
r = np.sqrt(rng.uniform(0, 1, n))
x = 3.0 * r * np.cos(angle)
y = 1.6 * r * np.sin(angle) + 0.3 * np.sin(x)
temp = 18 + 2.5 * np.exp(-((x - 1.2) ** 2 + (y - 0.4) ** 2)) - 1.5 * np.exp(-((x + 1.8) ** 2 + (y + 0.3) ** 2) / 0.6)
temp += rng.normal(0, 0.1, n)

tri = mtri.Triangulation(x, y)
# drop the long thin triangles Delaunay adds along the shore
corners_x, corners_y = x[tri.triangles], y[tri.triangles]
edges = np.hypot(corners_x - np.roll(corners_x, 1, axis=1), corners_y - np.roll(corners_y, 1, axis=1))
tri.set_mask(edges.max(axis=1) > 1.4)

fig, ax = plt.subplots(figsize=(9, 5.2))
filled = ax.tricontourf(tri, temp, levels=np.arange(16, 21.1, 0.5), cmap="coolwarm", extend="both")
lines = ax.tricontour(tri, temp, levels=[17, 18, 19, 20], colors="k", linewidths=0.6)
ax.clabel(lines, fmt="%.0f °C", fontsize=8)
ax.triplot(tri, color="0.3", lw=0.3, alpha=0.5)
ax.scatter(x, y, s=14, c="black", marker="^", label="buoy", zorder=3)
ax.set_aspect("equal")
ax.set_xlabel("Easting (km)")
ax.set_ylabel("Northing (km)")
ax.legend(loc="upper right", frameon=True)
cbar = fig.colorbar(filled, ax=ax, shrink=0.85)
cbar.set_label("Surface temperature (°C)")
ax.set_title("Lake surface temperature, 14 July, 06:00 buoy survey")
fig.tight_layout()
plt.show()
