"""Hexagonal binning of 20,000 correlated points, linear and log colour scales side by side."""

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(19680801)
n = 20_000
x = rng.standard_normal(n)
y = 2.0 + 3.0 * x + 4.0 * rng.standard_normal(n)
xlim = x.min(), x.max()
ylim = y.min(), y.max()

fig, (ax0, ax1) = plt.subplots(ncols=2, sharey=True, figsize=(9, 4))

hb = ax0.hexbin(x, y, gridsize=40, cmap="inferno")
ax0.set(xlim=xlim, ylim=ylim)
ax0.set_title("Hexagon binning")
cb = fig.colorbar(hb, ax=ax0, label="counts")

hb = ax1.hexbin(x, y, gridsize=40, bins="log", cmap="inferno")
ax1.set(xlim=xlim, ylim=ylim)
ax1.set_title("With a log color scale")
cb = fig.colorbar(hb, ax=ax1, label="counts (log)")
ax0.set_ylabel("y")
for ax in (ax0, ax1):
    ax.set_xlabel("x")
plt.show()
