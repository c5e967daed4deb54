# Scatter-matrix (pair plot) of four body measurements for three penguin species: histograms on the diagonal, scatter off it, one figure legend
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(1959)
species = {
    "Adelie": dict(n=70, mean=[38.8, 18.3, 190, 3700], sd=[2.6, 1.2, 6.5, 450], color="#ff8c00"),
    "Chinstrap": dict(n=45, mean=[48.8, 18.4, 196, 3730], sd=[3.3, 1.1, 7.1, 380], color="#a034f0"),
    "Gentoo": dict(n=60, mean=[47.5, 15.0, 217, 5080], sd=[3.1, 1.0, 6.5, 500], color="#159090"),
}
features = ["bill length (mm)", "bill depth (mm)", "flipper length (mm)", "body mass (g)"]
corr = np.array([[1, 0.35, 0.45, 0.55], [0.35, 1, 0.3, 0.55], [0.45, 0.3, 1, 0.65], [0.55, 0.55, 0.65, 1]])
data = {}
for name, spec in species.items():
    cov = corr * np.outer(spec["sd"], spec["sd"])
    data[name] = rng.multivariate_normal(spec["mean"], cov, spec["n"])

plt.style.use("seaborn-v0_8-muted")
k = len(features)
fig, axes = plt.subplots(k, k, figsize=(9, 9))
for i in range(k):
    for j in range(k):
        ax = axes[i, j]
        if i == j:
            lo = min(d[:, i].min() for d in data.values())
            hi = max(d[:, i].max() for d in data.values())
            bins = np.linspace(lo, hi, 18)
            for name, d in data.items():
                ax.hist(d[:, i], bins=bins, color=species[name]["color"], alpha=0.5, histtype="stepfilled")
            ax.set_yticks([])
        else:
            for name, d in data.items():
                ax.scatter(d[:, j], d[:, i], s=9, alpha=0.7, color=species[name]["color"], label=name, lw=0)
        if i < k - 1:
            ax.tick_params(labelbottom=False)
        else:
            ax.set_xlabel(features[j], fontsize=9)
        if j > 0:
            ax.tick_params(labelleft=False)
        elif i > 0:
            ax.set_ylabel(features[i], fontsize=9)
        ax.tick_params(labelsize=7)
for j in range(k):
    for i in range(k):
        if i != j:
            axes[i, j].set_xlim(axes[j, j].get_xlim())
            axes[i, j].set_ylim(axes[i, i].get_xlim())
axes[0, 0].set_ylabel(features[0], fontsize=9)
handles, labels = axes[0, 1].get_legend_handles_labels()
fig.legend(handles, labels, loc="upper right", markerscale=2.5, title="species", frameon=False)
fig.suptitle("Palmer-style penguin measurements (n = 175, simulated)", x=0.06, ha="left", fontsize=13)
fig.subplots_adjust(left=0.08, right=0.88, bottom=0.07, top=0.93, wspace=0.06, hspace=0.06)
