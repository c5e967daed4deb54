"""Bar chart on polar axis: wind directions, bar heights and colours from a colormap."""

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(19680801)
N = 16
theta = np.linspace(0.0, 2 * np.pi, N, endpoint=False)
radii = 10 * rng.random(N)
width = np.pi / 4 * rng.random(N)
colors = plt.cm.viridis(radii / 10.0)

fig = plt.figure(figsize=(5, 5))
ax = fig.add_subplot(projection="polar")
ax.bar(theta, radii, width=width, bottom=0.0, color=colors, alpha=0.6, edgecolor="black", linewidth=0.5)
ax.set_theta_zero_location("N")
ax.set_theta_direction(-1)
ax.set_xticks(np.linspace(0, 2 * np.pi, 8, endpoint=False))
ax.set_xticklabels(["N", "NE", "E", "SE", "S", "SW", "W", "NW"])
ax.set_rlabel_position(100)
ax.set_title("Wind frequency by direction", pad=28)
plt.show()
