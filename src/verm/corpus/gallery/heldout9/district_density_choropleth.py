# Population density choropleth of city districts drawn as polygons on a log colour scale
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import PatchCollection
from matplotlib.colors import LogNorm
from matplotlib.patches import Polygon

rng = np.random.default_rng(77)
nx, ny = 9, 7
xs = np.arange(nx + 1, dtype=float)
ys = np.arange(ny + 1, dtype=float)
X, Y = np.meshgrid(xs, ys)
X[1:-1, 1:-1] += rng.uniform(-0.3, 0.3, (ny - 1, nx - 1))
Y[1:-1, 1:-1] += rng.uniform(-0.3, 0.3, (ny - 1, nx - 1))

patches, density, centres = [], [], []
for j in range(ny):
    for i in range(nx):
        corners = [
            (X[j, i], Y[j, i]),
            (X[j, i + 1], Y[j, i + 1]),
            (X[j + 1, i + 1], Y[j + 1, i + 1]),
            (X[j + 1, i], Y[j + 1, i]),
        ]
        cx, cy = np.mean(corners, axis=0)
        if (cx - 0.5) ** 2 / 1.2 + (cy - 6.5) ** 2 < 2.5:
            continue  # harbour
        patches.append(Polygon(corners, closed=True))
        r = np.hypot(cx - 4.6, cy - 3.4)
        density.append(24000 * np.exp(-r / 1.7) * rng.lognormal(0, 0.35) + 150)
        centres.append((cx, cy))
density = np.array(density)

fig, ax = plt.subplots(figsize=(8, 6.3))
pc = PatchCollection(patches, cmap="magma_r", norm=LogNorm(vmin=100, vmax=30000), edgecolor="white", linewidth=0.8)
pc.set_array(density)
ax.add_collection(pc)
harbour = Polygon(
    [(0, 7), (0, 4.9), (1.2, 5.3), (2.2, 6.1), (2.6, 7)],
    closed=True,
    facecolor="#cfe3f3",
    edgecolor="#7fa7c9",
    hatch="~~",
    lw=0.8,
)
ax.add_patch(harbour)
ax.text(0.7, 6.35, "Harbour", fontsize=9, style="italic", color="#345")
top = np.argsort(density)[-3:]
for k in top:
    ax.text(
        *centres[k], f"{density[k] / 1000:.0f}k", ha="center", va="center", fontsize=8, color="white", fontweight="bold"
    )
ax.set_xlim(0, nx)
ax.set_ylim(0, ny)
ax.set_aspect("equal")
ax.set_axis_off()
cb = fig.colorbar(pc, ax=ax, shrink=0.75, extend="both")
cb.set_label("residents per km² (log scale)")
ax.set_title("Population density by district, 2023 census", fontsize=13, loc="left")
fig.text(0.02, 0.02, "Source: municipal statistics office; districts simplified", fontsize=7, color="0.4")
