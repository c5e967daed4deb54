# Warming stripes of annual temperature anomalies 1880-2023 above a bar chart of the same anomalies
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import PatchCollection
from matplotlib.colors import BoundaryNorm, ListedColormap
from matplotlib.patches import Rectangle

rng = np.random.default_rng(1880)
years = np.arange(1880, 2024)
trend = 1.15 * ((years - 1880) / 143) ** 3 - 0.3
anom = trend + 0.1 * np.sin((years - 1880) / 9) + rng.normal(0, 0.09, years.size)
anom -= anom[(years >= 1961) & (years <= 1990)].mean()

colors = [
    "#08306b",
    "#08519c",
    "#2171b5",
    "#4292c6",
    "#6baed6",
    "#9ecae1",
    "#c6dbef",
    "#deebf7",
    "#fee0d2",
    "#fcbba1",
    "#fc9272",
    "#fb6a4a",
    "#ef3b2c",
    "#cb181d",
    "#a50f15",
    "#67000d",
]
bounds = np.linspace(-0.7, 0.7, len(colors) - 1)
cmap = ListedColormap(colors)
norm = BoundaryNorm(bounds, cmap.N, extend="both")

fig, (ax1, ax2) = plt.subplots(2, 1, figsize=(10, 5.6), sharex=True, gridspec_kw={"height_ratios": [1.3, 1]})
stripes = PatchCollection([Rectangle((y, 0), 1, 1) for y in years], cmap=cmap, norm=norm)
stripes.set_array(anom)
ax1.add_collection(stripes)
ax1.set_ylim(0, 1)
ax1.set_yticks([])
for sp in ax1.spines.values():
    sp.set_visible(False)
ax1.set_title(
    "Global temperature change, 1880-2023 (relative to 1961-1990)", loc="left", fontsize=12, fontweight="bold"
)

ax2.bar(years + 0.5, anom, width=0.9, color=cmap(norm(anom)))
ax2.axhline(0, color="0.2", lw=0.8)
ax2.set_xlim(1880, 2024)
ax2.set_ylabel("anomaly (°C)")
ax2.spines[["top", "right"]].set_visible(False)
ax2.annotate(
    f"{years[-1]}: {anom[-1]:+.2f} °C",
    (years[-1] + 0.5, anom[-1]),
    xytext=(1975, 0.95),
    arrowprops={"arrowstyle": "->"},
    fontsize=9,
)
cb = fig.colorbar(stripes, ax=[ax1, ax2], orientation="vertical", shrink=0.8, pad=0.02)
cb.set_label("°C")
fig.text(0.01, 0.01, "Synthetic series in the style of Ed Hawkins' #ShowYourStripes", fontsize=7, color="0.4")
