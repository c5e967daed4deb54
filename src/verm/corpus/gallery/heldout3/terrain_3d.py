# 3D figure with two panels: a terrain surface with a colorbar and contour shadow on the floor, and 3D bars (bar3d) of monthly sales by region
import matplotlib.pyplot as plt
import numpy as np
from matplotlib import cm

rng = np.random.default_rng(3)

x = np.linspace(-3, 3, 80)
y = np.linspace(-3, 3, 80)
X, Y = np.meshgrid(x, y)
Z = (
    1.8 * np.exp(-((X - 0.8) ** 2 + (Y - 0.4) ** 2))
    + 1.1 * np.exp(-((X + 1.2) ** 2 + (Y + 1.0) ** 2) / 0.7)
    - 0.6 * np.exp(-((X + 0.5) ** 2 + (Y - 1.6) ** 2) / 0.5)
    + 0.05 * np.sin(3 * X) * np.cos(2 * Y)
)

fig = plt.figure(figsize=(12, 5.5))
ax = fig.add_subplot(1, 2, 1, projection="3d")
surf = ax.plot_surface(X, Y, Z, cmap=cm.terrain, rstride=2, cstride=2, linewidth=0, antialiased=True)
ax.contour(X, Y, Z, zdir="z", offset=-1.2, cmap=cm.terrain, levels=12)
ax.set_zlim(-1.2, 2.2)
ax.set_xlabel("easting (km)")
ax.set_ylabel("northing (km)")
ax.set_zlabel("elevation (km)")
ax.view_init(elev=28, azim=-60)
ax.set_title("Synthetic terrain")
fig.colorbar(surf, ax=ax, shrink=0.55, pad=0.1, label="elevation (km)")

ax2 = fig.add_subplot(1, 2, 2, projection="3d")
regions = ["North", "South", "East", "West"]
months = np.arange(6)
colors = ["#4c72b0", "#dd8452", "#55a868", "#c44e52"]
for k, c in enumerate(colors):
    sales = 40 + 8 * k + 12 * np.sin(months / 2 + k) + rng.normal(0, 3, months.size)
    ax2.bar3d(months, np.full(months.size, k), np.zeros(months.size), 0.6, 0.5, sales, color=c, alpha=0.85, shade=True)
ax2.set_xticks(months + 0.3, ["Jan", "Feb", "Mar", "Apr", "May", "Jun"])
ax2.set_yticks(np.arange(len(regions)) + 0.25, regions)
ax2.set_zlabel("units sold (k)")
ax2.view_init(elev=22, azim=-50)
ax2.set_title("H1 sales by region")
fig.tight_layout()
