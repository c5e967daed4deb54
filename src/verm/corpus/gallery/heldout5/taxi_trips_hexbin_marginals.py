# Hexbin of taxi trip distance against fare with marginal histograms and a log-count colorbar
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"font.size": 9, "axes.edgecolor": "0.3", "axes.linewidth": 0.8, "xtick.direction": "out"})

rng = np.random.default_rng(907)
n = 6000
distance = rng.gamma(shape=2.0, scale=1.6, size=n) + 0.3
fare = 3.0 + 2.5 * distance + rng.normal(0, 1.2, n) * np.sqrt(distance)
airport = rng.random(n) < 0.04
distance[airport] = rng.normal(17.5, 1.2, airport.sum())
fare[airport] = 52.0 + rng.normal(0, 1.5, airport.sum())

fig = plt.figure(figsize=(7, 7))
gs = fig.add_gridspec(2, 3, width_ratios=(4, 1, 0.15), height_ratios=(1, 4), hspace=0.05, wspace=0.05)
ax = fig.add_subplot(gs[1, 0])
ax_top = fig.add_subplot(gs[0, 0], sharex=ax)
ax_right = fig.add_subplot(gs[1, 1], sharey=ax)
cax = fig.add_subplot(gs[1, 2])

hb = ax.hexbin(distance, fare, gridsize=40, bins="log", cmap="viridis", mincnt=1, extent=(0, 22, 0, 70))
ax.set_xlabel("Trip distance (miles)")
ax.set_ylabel("Fare (USD)")
ax.annotate("flat airport fare", xy=(17.5, 52), xytext=(8, 62), arrowprops=dict(arrowstyle="->"), fontsize=9)

ax_top.hist(distance, bins=np.linspace(0, 22, 45), color="#3b528b", edgecolor="white", linewidth=0.4)
ax_right.hist(
    fare, bins=np.linspace(0, 70, 45), orientation="horizontal", color="#21918c", edgecolor="white", linewidth=0.4
)
ax_top.tick_params(labelbottom=False)
ax_right.tick_params(labelleft=False)
for a in (ax_top, ax_right):
    a.spines[["top", "right"]].set_visible(False)
ax_top.set_ylabel("trips")
ax_right.set_xlabel("trips")
fig.colorbar(hb, cax=cax, label="trips per cell (log)")
ax_top.set_title("Yellow-cab trips, one week sample (n = 6,000)", loc="left")
plt.show()
