"""A line coloured by its value (LineCollection with a colormap) above a second one coloured by its slope."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.colors import BoundaryNorm, ListedColormap

x = np.linspace(0, 3 * np.pi, 500)
y = np.sin(x)
dydx = np.cos(0.5 * (x[:-1] + x[1:]))

points = np.array([x, y]).T.reshape(-1, 1, 2)
segments = np.concatenate([points[:-1], points[1:]], axis=1)

fig, axs = plt.subplots(2, 1, sharex=True, figsize=(7, 5))
norm = plt.Normalize(dydx.min(), dydx.max())
lc = LineCollection(segments, cmap="viridis", norm=norm)
lc.set_array(dydx)
lc.set_linewidth(2)
line = axs[0].add_collection(lc)
fig.colorbar(line, ax=axs[0], label="slope")
axs[0].set_title("Coloured by slope (continuous)")

cmap = ListedColormap(["r", "g", "b"])
norm = BoundaryNorm([-1, -0.5, 0.5, 1], cmap.N)
lc = LineCollection(segments, cmap=cmap, norm=norm)
lc.set_array(dydx)
lc.set_linewidth(2)
line = axs[1].add_collection(lc)
fig.colorbar(line, ax=axs[1], label="slope band")
axs[1].set_title("Coloured by slope (three bands)")

axs[0].set_xlim(x.min(), x.max())
axs[0].set_ylim(-1.1, 1.1)
axs[1].set_ylim(-1.1, 1.1)
axs[1].set_xlabel("x")
plt.show()
