# Lower-triangle correlation matrix of survey items drawn with matshow, with values printed in each cell.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(19)
items = ["Workload", "Autonomy", "Pay", "Manager", "Peers", "Growth", "Tools", "Commute", "Flexibility", "Overall"]
latent = rng.normal(size=(500, 3))
load = rng.normal(0, 0.7, size=(3, len(items)))
load[:, -1] = load[:, :-1].mean(axis=1) * 2.2
X = latent @ load + rng.normal(0, 0.8, size=(500, len(items)))
C = np.corrcoef(X, rowvar=False)
masked = np.ma.masked_where(np.triu(np.ones_like(C, dtype=bool), k=1), C)

fig, ax = plt.subplots(figsize=(8, 7))
im = ax.matshow(masked, cmap="PuOr", vmin=-1, vmax=1)
for i in range(len(items)):
    for j in range(i + 1):
        ax.text(
            j,
            i,
            f"{C[i, j]:.2f}".replace("0.", ".").replace("1.00", "1"),
            ha="center",
            va="center",
            fontsize=8,
            color="white" if abs(C[i, j]) > 0.6 else "black",
        )
ax.set_xticks(range(len(items)))
ax.set_yticks(range(len(items)))
ax.set_xticklabels(items, rotation=45, ha="left", rotation_mode="anchor")
ax.set_yticklabels(items)
ax.tick_params(length=0)
for s in ax.spines.values():
    s.set_visible(False)
cb = fig.colorbar(im, ax=ax, shrink=0.75, pad=0.02)
cb.set_label("Pearson r")
fig.suptitle("Employee survey: item correlations (n = 500)", x=0.05, ha="left")
fig.tight_layout()
