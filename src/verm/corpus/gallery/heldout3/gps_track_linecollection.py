# A cycling GPS track drawn as a LineCollection coloured by speed (plasma colormap, colorbar), with start/finish markers, on a dark background, plus an elevation profile coloured the same way
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import Normalize

plt.style.use("dark_background")
rng = np.random.default_rng(2718)

# a loop ride: a wobbly closed curve in km
s = np.linspace(0, 2 * np.pi, 900)
x = 6 * np.cos(s) + 1.2 * np.cos(3 * s + 0.4) + 0.3 * np.sin(7 * s)
y = 4 * np.sin(s) + 0.9 * np.sin(2 * s + 1.0)
elev = 120 + 80 * np.sin(s - 0.6) + 25 * np.sin(4 * s) + np.cumsum(rng.normal(0, 0.4, s.size))
grade = np.gradient(elev) / np.hypot(np.gradient(x), np.gradient(y)) / 1000 * 100  # percent
speed = np.clip(28 - 5.0 * grade + rng.normal(0, 1.0, s.size), 6, 52)
speed = np.convolve(speed, np.ones(9) / 9, mode="same")
dist = np.concatenate([[0], np.cumsum(np.hypot(np.diff(x), np.diff(y)))])

norm = Normalize(vmin=10, vmax=40)
points = np.column_stack([x, y]).reshape(-1, 1, 2)
segments = np.concatenate([points[:-1], points[1:]], axis=1)

fig, (ax, ax2) = plt.subplots(2, 1, figsize=(8.5, 8), gridspec_kw={"height_ratios": [3, 1]})
lc = LineCollection(segments, cmap="plasma", norm=norm, linewidths=3, capstyle="round")
lc.set_array(speed[:-1])
ax.add_collection(lc)
ax.plot(x[0], y[0], "o", color="lime", ms=9, label="start / finish")
k = int(np.argmax(np.convolve(grade, np.ones(40) / 40, mode="same")))
ax.annotate(
    "KOM climb",
    xy=(x[k], y[k]),
    xytext=(x[k] + 1.5, y[k] - 1.6),
    color="w",
    arrowprops=dict(arrowstyle="->", color="w"),
)
ax.set_xlim(x.min() - 1, x.max() + 1)
ax.set_ylim(y.min() - 1, y.max() + 1)
ax.set_aspect("equal")
ax.set_xlabel("east (km)")
ax.set_ylabel("north (km)")
ax.set_title(f"Sunday loop - {dist[-1]:.1f} km, avg {speed.mean():.1f} km/h")
ax.legend(loc="upper right", fontsize=8)
cb = fig.colorbar(lc, ax=ax, pad=0.02, shrink=0.75, extend="both")
cb.set_label("speed (km/h)")

pts2 = np.column_stack([dist, elev]).reshape(-1, 1, 2)
lc2 = LineCollection(np.concatenate([pts2[:-1], pts2[1:]], axis=1), cmap="plasma", norm=norm, linewidths=2)
lc2.set_array(speed[:-1])
ax2.add_collection(lc2)
ax2.fill_between(dist, elev.min() - 20, elev, color="0.25", zorder=0)
ax2.set_xlim(0, dist[-1])
ax2.set_ylim(elev.min() - 20, elev.max() + 20)
ax2.set_xlabel("distance (km)")
ax2.set_ylabel("elevation (m)")
fig.tight_layout()
