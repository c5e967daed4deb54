"""A broken y-axis: two stacked axes show the outliers and the bulk of the data, with diagonal cut marks."""

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(19)
pts = rng.random(30) * 0.2
pts[[3, 14, 21]] += 0.8

fig, (ax1, ax2) = plt.subplots(2, 1, sharex=True, figsize=(6, 5))
fig.subplots_adjust(hspace=0.05)

ax1.plot(pts, "o-", color="tab:purple")
ax2.plot(pts, "o-", color="tab:purple")
ax1.set_ylim(0.78, 1.0)
ax2.set_ylim(0, 0.22)

ax1.spines.bottom.set_visible(False)
ax2.spines.top.set_visible(False)
ax1.xaxis.tick_top()
ax1.tick_params(labeltop=False)
ax2.xaxis.tick_bottom()

d = 0.5
kwargs = dict(marker=[(-1, -d), (1, d)], markersize=12, linestyle="none", color="k", mec="k", mew=1, clip_on=False)
ax1.plot([0, 1], [0, 0], transform=ax1.transAxes, **kwargs)
ax2.plot([0, 1], [1, 1], transform=ax2.transAxes, **kwargs)

ax1.set_title("Sensor readings with three spikes")
ax2.set_xlabel("reading number")
ax2.set_ylabel("voltage (V)")
ax2.yaxis.set_label_coords(-0.1, 1.05)
plt.show()
