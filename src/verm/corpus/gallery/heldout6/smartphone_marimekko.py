# Marimekko (mosaic) chart of smartphone brand shares within four regions, bar widths proportional to region sales
import matplotlib.pyplot as plt
import numpy as np

regions = ["Asia-Pacific", "Europe", "North\nAmerica", "Latin\nAmerica"]
region_sales = np.array([620.0, 210.0, 160.0, 110.0])  # million units
brands = ["Brand A", "Brand B", "Brand C", "Other"]
shares = np.array(
    [
        [0.22, 0.35, 0.18, 0.25],
        [0.31, 0.27, 0.09, 0.33],
        [0.52, 0.24, 0.04, 0.20],
        [0.14, 0.38, 0.21, 0.27],
    ]
)
palette = ["#264653", "#2a9d8f", "#e9c46a", "#bdbdbd"]

widths = region_sales / region_sales.sum()
lefts = np.concatenate([[0], np.cumsum(widths)[:-1]])

fig, ax = plt.subplots(figsize=(9, 5.5))
bottoms = np.zeros(len(regions))
for j, brand in enumerate(brands):
    ax.bar(
        lefts,
        shares[:, j],
        width=widths,
        bottom=bottoms,
        align="edge",
        color=palette[j],
        edgecolor="white",
        linewidth=1.5,
        label=brand,
    )
    for i in range(len(regions)):
        if widths[i] * shares[i, j] > 0.01:
            ax.text(
                lefts[i] + widths[i] / 2,
                bottoms[i] + shares[i, j] / 2,
                f"{shares[i, j]:.0%}",
                ha="center",
                va="center",
                color="white" if j in (0, 1) else "black",
                fontsize=9,
            )
    bottoms += shares[:, j]

for left, w, name, sales in zip(lefts, widths, regions, region_sales):
    ax.text(left + w / 2, 1.02, f"{name}\n{sales:.0f}M", ha="center", va="bottom", fontsize=8.5)
ax.set_xlim(0, 1)
ax.set_ylim(0, 1)
ax.set_xticks(np.linspace(0, 1, 6), [f"{v:.0%}" for v in np.linspace(0, 1, 6)])
ax.set_yticks(np.linspace(0, 1, 5), [f"{v:.0%}" for v in np.linspace(0, 1, 5)])
ax.set_xlabel("Share of global unit sales")
ax.set_ylabel("Brand share within region")
ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
fig.suptitle("Smartphone market, 2023: regions by size, brands by share", y=0.98, fontsize=12, fontweight="bold")
fig.subplots_adjust(left=0.09, right=0.83, top=0.8, bottom=0.11)
plt.show()
