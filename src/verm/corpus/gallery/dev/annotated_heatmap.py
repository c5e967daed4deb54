"""Annotated heatmap (imshow) of harvest per farmer and vegetable, with a colorbar and rotated labels."""

import matplotlib.pyplot as plt
import numpy as np

vegetables = ["cucumber", "tomato", "lettuce", "asparagus", "potato", "wheat", "barley"]
farmers = [
    "Farmer Joe",
    "Upland Bros.",
    "Smith Gardening",
    "Agrifun",
    "Organiculture",
    "BioGoods Ltd.",
    "Cornylee Corp.",
]

harvest = np.array(
    [
        [0.8, 2.4, 2.5, 3.9, 0.0, 4.0, 0.0],
        [2.4, 0.0, 4.0, 1.0, 2.7, 0.0, 0.0],
        [1.1, 2.4, 0.8, 4.3, 1.9, 4.4, 0.0],
        [0.6, 0.0, 0.3, 0.0, 3.1, 0.0, 0.0],
        [0.7, 1.7, 0.6, 2.6, 2.2, 6.2, 0.0],
        [1.3, 1.2, 0.0, 0.0, 0.0, 3.2, 5.1],
        [0.1, 2.0, 0.0, 1.4, 0.0, 1.9, 6.3],
    ]
)

fig, ax = plt.subplots(figsize=(7.5, 6.5))
im = ax.imshow(harvest, cmap="YlGn")
cbar = fig.colorbar(im, ax=ax, shrink=0.8)
cbar.ax.set_ylabel("harvest (t/year)", rotation=-90, va="bottom")

ax.set_xticks(np.arange(len(farmers)), labels=farmers, rotation=45, ha="right", rotation_mode="anchor")
ax.set_yticks(np.arange(len(vegetables)), labels=vegetables)
ax.spines[:].set_visible(False)
ax.set_xticks(np.arange(len(farmers) + 1) - 0.5, minor=True)
ax.set_yticks(np.arange(len(vegetables) + 1) - 0.5, minor=True)
ax.grid(which="minor", color="w", linestyle="-", linewidth=3)
ax.tick_params(which="minor", bottom=False, left=False)

for i in range(len(vegetables)):
    for j in range(len(farmers)):
        value = harvest[i, j]
        ax.text(j, i, f"{value:.1f}", ha="center", va="center", color="white" if value > 3.5 else "black")

ax.set_title("Harvest of local farmers (in tons/year)")
fig.tight_layout()
plt.show()
