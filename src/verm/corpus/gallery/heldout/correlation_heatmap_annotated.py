# Correlation matrix of housing features as an annotated heatmap with a diverging colorbar.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(7)
n = 400
sqft = rng.normal(1800, 450, n)
rooms = np.round(sqft / 420 + rng.normal(0, 0.7, n))
age = rng.uniform(0, 80, n)
dist = rng.gamma(2.0, 4.0, n)
crime = 0.4 * dist + rng.normal(0, 2.5, n)
price = 120 * sqft - 900 * age - 3000 * dist + 4000 * rooms + rng.normal(0, 40000, n)
features = ["Price", "Sq. ft", "Rooms", "Age", "Dist. to CBD", "Crime rate"]
data = np.vstack([price, sqft, rooms, age, dist, crime])
corr = np.corrcoef(data)

fig, ax = plt.subplots(figsize=(7, 6))
im = ax.imshow(corr, cmap="RdBu_r", vmin=-1, vmax=1)
cbar = fig.colorbar(im, ax=ax, fraction=0.046, pad=0.04)
cbar.set_label("Pearson r")

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
ax.tick_params(which="minor", length=0)
ax.set_title("Feature correlations (n = 400 listings)")
fig.tight_layout()
plt.show()
