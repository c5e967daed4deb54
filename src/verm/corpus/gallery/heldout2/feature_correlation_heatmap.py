# Pearson correlation matrix of seven housing features as an annotated heatmap with a diverging colormap
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(8)
features = ["Price", "Area", "Rooms", "Age", "Dist. to centre", "Crime rate", "School score"]
n = 400
area = rng.normal(110, 30, n)
rooms = area / 25 + rng.normal(0, 0.7, n)
age = rng.uniform(0, 80, n)
dist = rng.gamma(2.0, 4.0, n)
crime = 5 - 0.15 * dist + rng.normal(0, 1, n)
school = 7 - 0.4 * crime + rng.normal(0, 1, n)
price = 2.2 * area + 15 * school - 3 * dist - 0.6 * age + rng.normal(0, 30, n)
corr = np.corrcoef(np.vstack([price, area, rooms, age, dist, crime, school]))

fig, ax = plt.subplots(figsize=(7.5, 6.5))
im = ax.imshow(corr, cmap="RdBu_r", vmin=-1, vmax=1)
ax.set_xticks(np.arange(len(features)), labels=features, rotation=40, ha="right", rotation_mode="anchor")
ax.set_yticks(np.arange(len(features)), labels=features)
for i in range(len(features)):
    for j in range(len(features)):
        value = corr[i, j]
        ax.text(
            j, i, f"{value:.2f}", ha="center", va="center", fontsize=9, color="white" if abs(value) > 0.6 else "black"
        )
ax.set_xticks(np.arange(len(features) + 1) - 0.5, minor=True)
ax.set_yticks(np.arange(len(features) + 1) - 0.5, minor=True)
ax.grid(which="minor", color="white", linewidth=1.5)
ax.tick_params(which="minor", bottom=False, left=False)
cbar = fig.colorbar(im, ax=ax, shrink=0.8)
cbar.set_label("Pearson r")
ax.set_title("Housing features: correlation matrix")
fig.tight_layout()
plt.show()
