# Share of electricity generation by source for six countries, 100% stacked bars with legend outside
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import PercentFormatter

plt.style.use("seaborn-v0_8-whitegrid")

countries = ["France", "Germany", "Poland", "Spain", "Norway", "Italy"]
sources = ["Nuclear", "Coal", "Gas", "Hydro", "Wind & solar", "Other"]
# TWh, roughly shaped like 2022 figures
twh = np.array(
    [
        [295, 3, 44, 45, 60, 22],
        [35, 181, 80, 18, 183, 75],
        [0, 124, 14, 3, 32, 8],
        [56, 8, 82, 18, 99, 13],
        [0, 0, 2, 128, 15, 1],
        [0, 20, 140, 28, 48, 32],
    ],
    dtype=float,
)
share = twh / twh.sum(axis=1, keepdims=True) * 100
colors = ["#7b3294", "#404040", "#f4a582", "#4393c3", "#5aae61", "#bababa"]

fig, ax = plt.subplots(figsize=(9, 4.8))
bottom = np.zeros(len(countries))
for j, source in enumerate(sources):
    ax.bar(countries, share[:, j], bottom=bottom, color=colors[j], label=source, edgecolor="white", linewidth=0.6)
    for i, v in enumerate(share[:, j]):
        if v >= 8:
            ax.text(i, bottom[i] + v / 2, "%d%%" % round(v), ha="center", va="center", color="white", fontsize=8)
    bottom += share[:, j]

ax.yaxis.set_major_formatter(PercentFormatter())
ax.set_ylim(0, 100)
ax.set_ylabel("Share of generation")
ax.set_title("Electricity generation mix, 2022", loc="left", fontweight="bold")
ax.legend(title="Source", bbox_to_anchor=(1.01, 1), loc="upper left", frameon=False)
fig.subplots_adjust(left=0.08, right=0.8, bottom=0.1, top=0.9)
plt.show()
