# Synthetic terrain shown as a LightSource hillshade with contours and a transect, plus the elevation profile along it.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LightSource

rng = np.random.default_rng(3)
n = 240
x = np.linspace(0, 12, n)
y = np.linspace(0, 9, int(n * 0.75))
X, Y = np.meshgrid(x, y)
Z = 900 + 650 * np.exp(-((X - 4) ** 2 + (Y - 5) ** 2) / 5) + 420 * np.exp(-((X - 8.5) ** 2 + (Y - 3) ** 2) / 2.5)
Z += 80 * np.sin(X * 1.7) * np.cos(Y * 1.3)
for _ in range(30):
    cx, cy, a = rng.uniform(0, 12), rng.uniform(0, 9), rng.normal(0, 40)
    Z += a * np.exp(-((X - cx) ** 2 + (Y - cy) ** 2) / 0.4)

ls = LightSource(azdeg=315, altdeg=40)
rgb = ls.shade(Z, cmap=plt.get_cmap("gist_earth"), blend_mode="soft", vert_exag=0.05, dx=50, dy=50)

fig = plt.figure(figsize=(10, 8))
gs = fig.add_gridspec(2, 1, height_ratios=[3, 1], hspace=0.25)
ax = fig.add_subplot(gs[0])
ax.imshow(rgb, extent=(0, 12, 0, 9), origin="lower")
cs = ax.contour(X, Y, Z, levels=np.arange(800, 1800, 100), colors="k", linewidths=0.4, alpha=0.6)
ax.clabel(cs, cs.levels[::2], fontsize=7, fmt="%d m")
row = int(len(y) * 0.5)
ax.plot([0, 12], [y[row], y[row]], color="crimson", lw=2)
ax.text(0.2, y[row] + 0.15, "A", color="crimson", fontweight="bold")
ax.text(11.6, y[row] + 0.15, "A'", color="crimson", fontweight="bold")
ax.set_xlabel("Easting (km)")
ax.set_ylabel("Northing (km)")
ax.set_title("Hillshaded relief, illumination from the NW", loc="left")

ax2 = fig.add_subplot(gs[1])
ax2.fill_between(x, Z[row], 700, color="tan", alpha=0.7)
ax2.plot(x, Z[row], color="saddlebrown", lw=1.2)
ax2.set_xlim(0, 12)
ax2.set_ylim(700, None)
ax2.set_xlabel("Distance along A–A' (km)")
ax2.set_ylabel("Elevation (m)")
ax2.annotate(
    f"summit {Z[row].max():.0f} m",
    xy=(x[Z[row].argmax()], Z[row].max()),
    xytext=(20, -5),
    textcoords="offset points",
    arrowprops=dict(arrowstyle="->"),
    fontsize=9,
)
