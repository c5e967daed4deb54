# Distribution of adult heights for women and men, overlaid density histograms plus a step-filled outline
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(1)
women = rng.normal(162.5, 6.8, 2500)
men = rng.normal(176.0, 7.3, 2500)
bins = np.arange(135, 206, 2.5)

fig, ax = plt.subplots(figsize=(8, 4.8))
ax.hist(women, bins=bins, density=True, alpha=0.45, color="#c51b7d", label="Women")
ax.hist(men, bins=bins, density=True, alpha=0.45, color="#4d9221", label="Men")
ax.hist(
    np.concatenate([women, men]),
    bins=bins,
    density=True,
    histtype="step",
    color="black",
    linewidth=1.4,
    label="All adults",
)

for data, color in [(women, "#c51b7d"), (men, "#4d9221")]:
    ax.axvline(np.median(data), color=color, linestyle="--", linewidth=1)
    ax.text(
        np.median(data) + 0.5, 0.062, "median %.0f" % np.median(data), color=color, fontsize=8, rotation=90, va="top"
    )

ax.set_xlabel("Height (cm)")
ax.set_ylabel("Density")
ax.set_title("Adult height, simulated survey of 5,000 people")
ax.set_ylim(0, 0.065)
ax.legend()
fig.tight_layout()
plt.show()
