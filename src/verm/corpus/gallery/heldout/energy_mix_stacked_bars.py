# Electricity generation mix per country as 100% stacked bars with percentage labels inside segments.
import matplotlib.pyplot as plt
import numpy as np

countries = ["France", "Germany", "Poland", "Spain", "Norway", "Italy"]
sources = ["Nuclear", "Coal & gas", "Hydro", "Wind & solar", "Other"]
shares = np.array(
    [
        [68, 9, 11, 10, 2],
        [6, 42, 4, 41, 7],
        [0, 72, 2, 21, 5],
        [20, 25, 11, 40, 4],
        [0, 2, 88, 9, 1],
        [0, 50, 17, 25, 8],
    ],
    dtype=float,
)
shares = shares / shares.sum(axis=1, keepdims=True) * 100
colors = ["#6a3d9a", "#7f7f7f", "#1f78b4", "#33a02c", "#fdbf6f"]

fig, ax = plt.subplots(figsize=(9, 5))
bottom = np.zeros(len(countries))
for j, source in enumerate(sources):
    bars = ax.bar(countries, shares[:, j], bottom=bottom, color=colors[j], label=source, edgecolor="white", width=0.7)
    labels = [f"{s:.0f}%" if s >= 6 else "" for s in shares[:, j]]
    ax.bar_label(bars, labels=labels, label_type="center", color="white", fontsize=8, fontweight="bold")
    bottom += shares[:, j]

ax.set_ylim(0, 100)
ax.set_ylabel("Share of generation (%)")
ax.set_title("Electricity generation mix, 2022", loc="left", fontsize=13)
ax.legend(ncols=5, loc="lower center", bbox_to_anchor=(0.5, 1.06), frameon=False, fontsize=9)
ax.spines[["top", "right"]].set_visible(False)
fig.subplots_adjust(top=0.82, bottom=0.08, left=0.08, right=0.98)
plt.show()
