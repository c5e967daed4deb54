# Response-time histograms for two server versions with Gaussian KDE curves and median markers.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(3)
old = rng.lognormal(mean=5.2, sigma=0.45, size=1500)
new = np.concatenate([rng.lognormal(4.9, 0.35, 1300), rng.lognormal(6.0, 0.3, 200)])


def gaussian_kde(sample, grid):
    bw = 1.06 * sample.std() * sample.size ** (-1 / 5)
    z = (grid[:, None] - sample[None, :]) / bw
    return np.exp(-0.5 * z**2).sum(axis=1) / (sample.size * bw * np.sqrt(2 * np.pi))


grid = np.linspace(0, 900, 300)
bins = np.linspace(0, 900, 46)
fig, ax = plt.subplots(figsize=(7.5, 4.2))
for sample, label, color in [(old, "v1.8 (current)", "tab:gray"), (new, "v2.0 (canary)", "tab:blue")]:
    ax.hist(sample, bins=bins, density=True, alpha=0.35, color=color, edgecolor="white", label=f"{label}")
    ax.plot(grid, gaussian_kde(sample, grid), color=color, lw=2)
    med = np.median(sample)
    ax.axvline(med, color=color, ls="--", lw=1.2)
    ax.text(
        med + 8,
        ax.get_ylim()[1] * 0.9 if label.startswith("v2") else ax.get_ylim()[1] * 0.75,
        f"median {med:.0f} ms",
        color=color,
        fontsize=9,
    )

ax.set_xlim(0, 900)
ax.set_xlabel("Response time (ms)")
ax.set_ylabel("Density")
ax.set_title("API latency distribution, 24 h sample")
ax.legend(loc="upper right")
ax.spines[["top", "right"]].set_visible(False)
fig.tight_layout()
plt.show()
