# Groundwater head over an irregular triangulated mesh of monitoring wells: tripcolor shading with tricontour lines, well markers and labelled contours
import matplotlib.pyplot as plt
import matplotlib.tri as mtri
import numpy as np

plt.style.use("fast")

rng = np.random.default_rng(4116)
nx, ny = 13, 9
gx, gy = np.meshgrid(np.linspace(0, 12, nx), np.linspace(0, 8, ny))
jitter = rng.uniform(-0.35, 0.35, size=(2, ny, nx))
inner = np.zeros((ny, nx), dtype=bool)
inner[1:-1, 1:-1] = True
x = (gx + np.where(inner, jitter[0], 0)).ravel()
y = (gy + np.where(inner, jitter[1], 0)).ravel()
triangles = []
for j in range(ny - 1):
    for i in range(nx - 1):
        a, b, c, d = j * nx + i, j * nx + i + 1, (j + 1) * nx + i, (j + 1) * nx + i + 1
        triangles += [[a, b, d], [a, d, c]] if (i + j) % 2 else [[a, b, c], [b, d, c]]
pts = np.column_stack([x, y])[inner.ravel()]
head = (
    52
    - 1.1 * x
    + 0.4 * y
    - 6 * np.exp(-((x - 8) ** 2 + (y - 3) ** 2) / 2.5)
    + 2.5 * np.exp(-((x - 3) ** 2 + (y - 6) ** 2) / 3.0)
)
tri = mtri.Triangulation(x, y, np.array(triangles))

fig, ax = plt.subplots(figsize=(9.5, 6), layout="constrained")
tpc = ax.tripcolor(tri, head, shading="gouraud", cmap="viridis_r")
ax.triplot(tri, color="white", lw=0.3, alpha=0.5)
cs = ax.tricontour(tri, head, levels=np.arange(36, 58, 2), colors="black", linewidths=0.8)
ax.clabel(cs, fmt="%d m", fontsize=8, inline=True)
ax.plot(pts[:, 0], pts[:, 1], "o", ms=3.5, mfc="white", mec="black", mew=0.6, label="monitoring well")
ax.plot(8, 3, marker="v", ms=11, color="#d7301f", ls="none", label="pumping well P-1")
ax.plot(3, 6, marker="^", ms=11, color="#0570b0", ls="none", label="recharge pond")
ax.set_aspect("equal")
ax.set_xlabel("easting (km)")
ax.set_ylabel("northing (km)")
ax.legend(loc="lower left", fontsize=8, framealpha=0.9)
cbar = fig.colorbar(tpc, ax=ax, shrink=0.85)
cbar.set_label("hydraulic head (m a.s.l.)")
ax.set_title(f"Interpolated groundwater head, March survey ({x.size} nodes)")
