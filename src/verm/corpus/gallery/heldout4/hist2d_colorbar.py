# 2D histogram of taxi trip distance vs fare with a log colour scale and colorbar, a fitted tariff line and marginal mean annotations
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LogNorm

plt.style.use("seaborn-v0_8-notebook")
plt.rcParams["font.family"] = "DejaVu Sans"

rng = np.random.default_rng(4117)
n = 40000
distance = rng.lognormal(np.log(3.2), 0.7, n)
fare = 3.0 + 2.5 * distance + rng.normal(0, 1.2, n) * np.sqrt(distance)
airport = rng.random(n) < 0.04
distance[airport] = rng.normal(18, 1.5, airport.sum())
fare[airport] = 52 + rng.normal(0, 2, airport.sum())

fig, ax = plt.subplots(figsize=(8.5, 6.2))
h = ax.hist2d(
    distance, fare, bins=[np.linspace(0, 25, 101), np.linspace(0, 80, 81)], norm=LogNorm(vmin=1), cmap="magma_r"
)
cb = fig.colorbar(h[3], ax=ax, pad=0.02)
cb.set_label("trips per cell (log)")
xs = np.linspace(0, 25, 50)
slope, intercept = np.polyfit(distance[~airport], fare[~airport], 1)
ax.plot(xs, intercept + slope * xs, color="#2b8cbe", lw=2, label=f"metered fit: {intercept:.2f} + {slope:.2f} USD/mi")
ax.axhline(52, color="#31a354", lw=1.5, ls="--", label="airport flat fare $52")
ax.annotate(
    "flat-fare airport trips",
    xy=(18, 52),
    xytext=(12.5, 68),
    fontsize=9,
    arrowprops=dict(arrowstyle="->", color="0.2"),
    bbox=dict(boxstyle="round,pad=0.3", fc="white", ec="0.5"),
)
ax.set_xlabel("trip distance (miles)")
ax.set_ylabel("fare (USD)")
ax.legend(loc="upper left", fontsize=9)
ax.set_title(f"{n:,} taxi trips: distance vs fare")
fig.tight_layout()
