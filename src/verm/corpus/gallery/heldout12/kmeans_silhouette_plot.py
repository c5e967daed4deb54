# Silhouette analysis of a four-cluster k-means fit: per-sample silhouette bands by cluster next to the clustered scatter with centroids.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(404)
centres = np.array([[-4, 3], [0, -2], [4, 3.5], [1.5, 5]])
spreads = [0.9, 1.3, 0.8, 1.1]
X = np.vstack([rng.normal(c, s, (120, 2)) for c, s in zip(centres, spreads)])

k = 4
cent = X[rng.choice(len(X), k, replace=False)]
for _ in range(30):
    lab = np.argmin(((X[:, None, :] - cent[None]) ** 2).sum(-1), axis=1)
    cent = np.array([X[lab == j].mean(0) for j in range(k)])

D = np.sqrt(((X[:, None, :] - X[None]) ** 2).sum(-1))
a = np.array([D[i, lab == lab[i]].sum() / max((lab == lab[i]).sum() - 1, 1) for i in range(len(X))])
b = np.array([min(D[i, lab == j].mean() for j in range(k) if j != lab[i]) for i in range(len(X))])
sil = (b - a) / np.maximum(a, b)
avg = sil.mean()

with plt.style.context("seaborn-v0_8-notebook"):
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(13, 5.5))
    colours = plt.get_cmap("tab10").colors
    y_low = 10
    for j in range(k):
        vals = np.sort(sil[lab == j])
        y_up = y_low + vals.size
        ax1.fill_betweenx(np.arange(y_low, y_up), 0, vals, color=colours[j], alpha=0.8, lw=0)
        ax1.text(-0.06, (y_low + y_up) / 2, f"C{j}", va="center", ha="right", fontsize=11)
        y_low = y_up + 10
    ax1.axvline(avg, color="red", ls="--", lw=1.5)
    ax1.text(avg + 0.02, 2, f"mean = {avg:.2f}", color="red", va="bottom")
    ax1.set_xlim(-0.2, 1)
    ax1.set_yticks([])
    ax1.set_xlabel("Silhouette coefficient")
    ax1.set_ylabel("Samples, grouped by cluster")
    ax1.set_title("Silhouette plot, k = 4")

    ax2.scatter(X[:, 0], X[:, 1], c=[colours[j] for j in lab], s=22, alpha=0.7, edgecolors="k", lw=0.3)
    ax2.scatter(cent[:, 0], cent[:, 1], marker="o", c="white", s=260, edgecolors="k", lw=1.2)
    for j, (cx, cy) in enumerate(cent):
        ax2.text(cx, cy, str(j), ha="center", va="center", fontsize=10, weight="bold")
    ax2.set_xlabel("Feature 1 (standardised)")
    ax2.set_ylabel("Feature 2 (standardised)")
    ax2.set_title("Clustered data and centroids")
    fig.suptitle("k-means silhouette analysis on 480 samples", fontsize=14, weight="bold")
    fig.tight_layout()
