# Partial dependence with individual conditional expectation (ICE) curves for three features of a house-price model, with decile rugs
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("ggplot")
rng = np.random.default_rng(1410)

n = 60
area = rng.gamma(6, 22, n) + 40
age = rng.uniform(0, 90, n)
dist = rng.gamma(2, 4, n)
interact = rng.normal(0, 1, (n, 3))


def model(area, age, dist, z):
    return (
        80
        + 2.1 * area
        - 30 * (1 + 0.8 * z[1]) * np.tanh((age - 40) / 20)
        + 60 * (1 + 0.6 * z[2]) * np.exp(-dist / 5)
        + 0.4 * z[0] * area
    )


features = [
    ("Floor area (m²)", area, np.linspace(40, 320, 60)),
    ("Building age (years)", age, np.linspace(0, 90, 60)),
    ("Distance to centre (km)", dist, np.linspace(0, 30, 60)),
]

fig, axes = plt.subplots(1, 3, figsize=(13, 4.6), sharey=True)
for k, (ax, (name, values, grid)) in enumerate(zip(axes, features)):
    ice = np.empty((n, grid.size))
    for i in range(n):
        args = [np.full(grid.size, area[i]), np.full(grid.size, age[i]), np.full(grid.size, dist[i])]
        args[k] = grid
        ice[i] = model(*args, interact[i])
    centred = ice - ice[:, :1] + ice[:, 0].mean()
    for row in centred:
        ax.plot(grid, row, color="#3b6ea5", alpha=0.18, lw=0.9)
    pd = centred.mean(0)
    ax.plot(grid, pd, color="#e24a33", lw=3, label="partial dependence")
    lo, hi = np.percentile(centred, [10, 90], axis=0)
    ax.plot(grid, lo, color="k", ls="--", lw=1, label="10th-90th pct of ICE")
    ax.plot(grid, hi, color="k", ls="--", lw=1)
    deciles = np.percentile(values, np.arange(10, 100, 10))
    ax.plot(deciles, np.full(deciles.size, 0.02), "|", transform=ax.get_xaxis_transform(), color="k", ms=14, mew=1.5)
    ax.set_xlabel(name)
    ax.set_xlim(grid[0], grid[-1])
axes[0].set_ylabel("Predicted price (k€), centred ICE")
axes[0].annotate(
    "heterogeneous slopes:\ninteraction with finish quality",
    xy=(280, 640),
    xytext=(90, 780),
    arrowprops=dict(arrowstyle="->", color="0.2"),
    fontsize=9,
)
axes[2].legend(loc="upper right", fontsize=9)
axes[1].set_title("Gradient-boosted model, 60 sampled houses", fontsize=11)
fig.suptitle("How each feature moves the predicted price", fontsize=14, x=0.01, ha="left")
fig.tight_layout()
