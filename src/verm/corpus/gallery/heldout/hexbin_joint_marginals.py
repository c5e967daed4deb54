# Joint distribution of trip distance and fare as a hexbin with log counts, plus marginal histograms on shared axes.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(13)
dist = rng.gamma(1.8, 2.2, 6000)
fare = 3 + 2.4 * dist + rng.gamma(2, 1.2, dist.size) + rng.normal(0, 1.5, dist.size)
airport = rng.random(dist.size) < 0.05
dist[airport] = rng.normal(18, 1.5, airport.sum())
fare[airport] = 52 + rng.normal(0, 2, airport.sum())

fig = plt.figure(figsize=(7, 7))
gs = fig.add_gridspec(
    2,
    2,
    width_ratios=(4, 1),
    height_ratios=(1, 4),
    wspace=0.05,
    hspace=0.05,
    left=0.11,
    right=0.88,
    bottom=0.1,
    top=0.93,
)
ax = fig.add_subplot(gs[1, 0])
ax_top = fig.add_subplot(gs[0, 0], sharex=ax)
ax_right = fig.add_subplot(gs[1, 1], sharey=ax)

hb = ax.hexbin(dist, fare, gridsize=40, bins="log", cmap="YlGnBu", mincnt=1, extent=(0, 25, 0, 70))
ax.set_xlabel("Trip distance (miles)")
ax.set_ylabel("Fare (USD)")
ax.annotate("flat-rate airport trips", xy=(18, 52), xytext=(9, 62), arrowprops=dict(arrowstyle="->"), fontsize=9)
ax_top.hist(dist, bins=50, range=(0, 25), color="#2c7fb8")
ax_right.hist(fare, bins=50, range=(0, 70), orientation="horizontal", color="#2c7fb8")
ax_top.tick_params(labelbottom=False)
ax_right.tick_params(labelleft=False)
ax_top.set_ylabel("Trips")
ax_right.set_xlabel("Trips")
cax = fig.add_axes([0.9, 0.1, 0.025, 0.5])
fig.colorbar(hb, cax=cax, label="Trips per cell (log scale)")
fig.suptitle("Taxi trips, one week (n = 6,000)", x=0.5)
plt.show()
