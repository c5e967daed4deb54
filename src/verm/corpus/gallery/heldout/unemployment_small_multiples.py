# Small multiples: unemployment rate in twelve regions on shared axes, each panel highlighting one region against the rest.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(101)
regions = [
    "Northeast",
    "Mid-Atlantic",
    "Southeast",
    "Florida",
    "Great Lakes",
    "Plains",
    "Texas",
    "Mountain",
    "Southwest",
    "California",
    "Northwest",
    "Alaska/Hawaii",
]
years = np.arange(2005, 2024)
base = 5 + 4 * np.exp(-((years - 2010) ** 2) / 6) + 5 * np.exp(-((years - 2020) ** 2) / 0.6)
series = {r: base * rng.uniform(0.75, 1.3) + np.cumsum(rng.normal(0, 0.2, years.size)) for r in regions}

fig, axes = plt.subplots(3, 4, figsize=(11, 7), sharex=True, sharey=True)
for ax, region in zip(axes.flat, regions, strict=True):
    for other, vals in series.items():
        if other != region:
            ax.plot(years, vals, color="0.82", lw=0.8)
    ax.plot(years, series[region], color="#c0392b", lw=2)
    ax.set_title(region, fontsize=10, loc="left")
    ax.axvspan(2008, 2009.5, color="0.9", zorder=0)
    ax.axvspan(2020, 2020.6, color="0.9", zorder=0)
    ax.tick_params(labelsize=8)
    ax.spines[["top", "right"]].set_visible(False)
for ax in axes[-1]:
    ax.set_xticks([2005, 2010, 2015, 2020])
for ax in axes[:, 0]:
    ax.set_ylabel("Rate (%)", fontsize=9)
fig.suptitle("Unemployment rate by region, 2005–2023 (shaded: recessions)", fontsize=13, x=0.02, ha="left")
fig.tight_layout()
plt.show()
