# Decision boundaries of three simple classifiers (nearest centroid, 15-NN, RBF kernel smoother) on three toy data sets, with test accuracy in each panel
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

plt.rcParams.update({"font.size": 9, "axes.titlesize": 10})
rng = np.random.default_rng(1412)


def moons(n):
    t = rng.uniform(0, np.pi, n)
    y = rng.integers(0, 2, n)
    x = np.where(y[:, None] == 0, np.c_[np.cos(t), np.sin(t)], np.c_[1 - np.cos(t), 0.5 - np.sin(t)])
    return x + rng.normal(0, 0.18, (n, 2)), y


def circles(n):
    y = rng.integers(0, 2, n)
    r = np.where(y == 0, 1.0, 0.45)
    t = rng.uniform(0, 2 * np.pi, n)
    return np.c_[r * np.cos(t), r * np.sin(t)] + rng.normal(0, 0.12, (n, 2)), y


def blobs(n):
    y = rng.integers(0, 2, n)
    return rng.normal(0, 0.8, (n, 2)) + np.where(y[:, None] == 0, [-0.8, -0.5], [0.9, 0.7]), y


def nearest_centroid(xtr, ytr, q):
    c0, c1 = xtr[ytr == 0].mean(0), xtr[ytr == 1].mean(0)
    d0, d1 = ((q - c0) ** 2).sum(1), ((q - c1) ** 2).sum(1)
    return 1 / (1 + np.exp(-(d0 - d1)))


def knn(xtr, ytr, q, k=15):
    d = ((q[:, None, :] - xtr[None]) ** 2).sum(-1)
    idx = np.argpartition(d, k, axis=1)[:, :k]
    return ytr[idx].mean(1)


def rbf(xtr, ytr, q, gamma=6.0):
    w = np.exp(-gamma * ((q[:, None, :] - xtr[None]) ** 2).sum(-1))
    return (w * ytr).sum(1) / (w.sum(1) + 1e-12)


datasets = [("moons", moons(200)), ("circles", circles(200)), ("blobs", blobs(200))]
models = [("Nearest centroid", nearest_centroid), ("15-nearest neighbours", knn), ("RBF kernel smoother", rbf)]
cm = plt.get_cmap("RdBu")
cm_pts = ListedColormap(["#d7191c", "#2c7bb6"])

fig, axes = plt.subplots(3, 4, figsize=(12, 8.6))
for r, (dname, (X, y)) in enumerate(datasets):
    X = (X - X.mean(0)) / X.std(0)
    tr = np.arange(len(y)) < 140
    x0, x1 = X[:, 0].min() - 0.5, X[:, 0].max() + 0.5
    y0, y1 = X[:, 1].min() - 0.5, X[:, 1].max() + 0.5
    gx, gy = np.meshgrid(np.linspace(x0, x1, 90), np.linspace(y0, y1, 90))
    grid = np.c_[gx.ravel(), gy.ravel()]
    ax = axes[r, 0]
    ax.scatter(X[tr, 0], X[tr, 1], c=y[tr], cmap=cm_pts, s=14, edgecolors="k", linewidths=0.4)
    ax.scatter(X[~tr, 0], X[~tr, 1], c=y[~tr], cmap=cm_pts, s=14, alpha=0.5, marker="s")
    ax.set_ylabel(dname, fontsize=12, fontweight="bold")
    if r == 0:
        ax.set_title("Input data")
    for c, (mname, fn) in enumerate(models, start=1):
        ax = axes[r, c]
        z = fn(X[tr], y[tr].astype(float), grid).reshape(gx.shape)
        ax.contourf(gx, gy, z, levels=np.linspace(0, 1, 11), cmap=cm, alpha=0.75)
        ax.contour(gx, gy, z, levels=[0.5], colors="k", linewidths=1)
        ax.scatter(X[tr, 0], X[tr, 1], c=y[tr], cmap=cm_pts, s=14, edgecolors="k", linewidths=0.4)
        ax.scatter(X[~tr, 0], X[~tr, 1], c=y[~tr], cmap=cm_pts, s=14, alpha=0.5, marker="s", edgecolors="none")
        acc = ((fn(X[tr], y[tr].astype(float), X[~tr]) > 0.5) == y[~tr]).mean()
        ax.text(
            0.97,
            0.04,
            f"{acc:.2f}",
            transform=ax.transAxes,
            ha="right",
            fontsize=13,
            fontweight="bold",
            bbox=dict(fc="white", alpha=0.7, ec="none"),
        )
        if r == 0:
            ax.set_title(mname)
    for ax in axes[r]:
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        ax.set_xticks([])
        ax.set_yticks([])
fig.suptitle("Classifier comparison (circles: train, squares: test; number = test accuracy)", fontsize=12)
fig.tight_layout()
