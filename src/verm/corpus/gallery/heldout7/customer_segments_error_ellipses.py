# Customer segments in spend vs visit-frequency space with 1- and 2-sigma covariance ellipses (Ellipse patches) and labelled centroids
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Ellipse

rng = np.random.default_rng(314)
segments = {
    "Bargain hunters": ([2.1, 35], [[0.35, -2.0], [-2.0, 60]], 140),
    "Loyal regulars": ([6.5, 62], [[0.9, 3.5], [3.5, 70]], 110),
    "Big-ticket occasional": ([1.4, 140], [[0.2, 1.5], [1.5, 420]], 60),
    "Lapsed": ([0.5, 20], [[0.05, 0.2], [0.2, 30]], 90),
}
label_at = {
    "Bargain hunters": (4.2, 12),
    "Loyal regulars": (7.4, 100),
    "Big-ticket occasional": (3.6, 178),
    "Lapsed": (0.3, 68),
}
colors = ["#0072B2", "#D55E00", "#009E73", "#CC79A7"]

plt.style.use("seaborn-v0_8-colorblind")
fig, ax = plt.subplots(figsize=(8, 6))
for (name, (mean, cov, n)), colour in zip(segments.items(), colors):
    pts = rng.multivariate_normal(mean, cov, n)
    ax.scatter(pts[:, 0], pts[:, 1], s=12, color=colour, alpha=0.5, lw=0)
    mu = pts.mean(axis=0)
    vals, vecs = np.linalg.eigh(np.cov(pts.T))
    angle = np.degrees(np.arctan2(vecs[1, -1], vecs[0, -1]))
    for n_sigma, style in ((1, "-"), (2, "--")):
        w, h = 2 * n_sigma * np.sqrt(vals[::-1])
        ax.add_patch(Ellipse(mu, w, h, angle=angle, fill=False, ec=colour, lw=1.8, ls=style))
    ax.add_patch(Ellipse(mu, 2 * np.sqrt(vals[-1]), 2 * np.sqrt(vals[0]), angle=angle, fc=colour, alpha=0.12))
    ax.plot(*mu, marker="X", ms=10, color=colour, mec="black", mew=0.8)
    ax.annotate(
        f"{name}\n(n = {n})",
        mu,
        xytext=label_at[name],
        fontsize=9,
        fontweight="bold",
        color=colour,
        ha="center",
        arrowprops=dict(arrowstyle="-", color=colour, lw=0.8, shrinkB=6),
    )

ax.set_xlabel("Store visits per month")
ax.set_ylabel("Average basket (€)")
ax.set_xlim(-0.5, 10)
ax.set_ylim(0, 210)
ax.set_title("k-means segments (k = 4) with covariance ellipses", loc="left")
ax.plot([], [], color="0.3", ls="-", label="1σ")
ax.plot([], [], color="0.3", ls="--", label="2σ")
ax.plot([], [], color="0.3", marker="X", ls="none", label="centroid")
ax.legend(loc="upper right", frameon=True)
fig.tight_layout()
