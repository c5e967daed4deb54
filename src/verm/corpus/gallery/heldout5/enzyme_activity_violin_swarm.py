# Enzyme activity per genotype as violins with a beeswarm of individual samples and median markers
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-ticks")


def beeswarm(values, width=0.35, nbins=18):
    """Horizontal offsets that spread points sharing a value bin symmetrically around zero."""
    edges = np.linspace(values.min(), values.max(), nbins + 1)
    idx = np.clip(np.digitize(values, edges) - 1, 0, nbins - 1)
    offsets = np.zeros(len(values))
    for b in range(nbins):
        members = np.flatnonzero(idx == b)
        members = members[np.argsort(values[members])]
        for j, m in enumerate(members):
            step = (j + 1) // 2 * (1 if j % 2 else -1)
            offsets[m] = step
    spread = np.abs(offsets).max() or 1
    return offsets / spread * width


rng = np.random.default_rng(2718)
genotypes = ["WT", "het", "KO", "KO + rescue"]
means = [12.4, 9.8, 4.1, 10.9]
sds = [1.8, 2.3, 1.4, 2.9]
counts = [42, 38, 35, 40]
samples = [rng.normal(m, s, n) for m, s, n in zip(means, sds, counts)]
colors = ["#4c72b0", "#55a868", "#c44e52", "#8172b2"]

fig, ax = plt.subplots(figsize=(7.5, 5))
parts = ax.violinplot(samples, positions=range(len(genotypes)), widths=0.8, showextrema=False)
for body, c in zip(parts["bodies"], colors):
    body.set_facecolor(c)
    body.set_edgecolor("none")
    body.set_alpha(0.3)

for i, (vals, c) in enumerate(zip(samples, colors)):
    ax.scatter(i + beeswarm(vals), vals, s=16, color=c, edgecolor="white", linewidth=0.4, zorder=3)
    med = np.median(vals)
    ax.hlines(med, i - 0.25, i + 0.25, color="black", lw=2, zorder=4)
    ax.text(i + 0.42, med, f"{med:.1f}", va="center", fontsize=9, fontweight="bold")

ax.set_xticks(range(len(genotypes)), genotypes)
ax.set_ylabel("Specific activity (nmol/min/mg)")
ax.set_xlabel("Genotype")
ax.set_title("Liver enzyme activity by genotype")
ax.plot([0, 0, 2, 2], [18.5, 19, 19, 18.5], color="0.2", lw=1)
ax.text(1, 19.1, "p < 0.001", ha="center", va="bottom", fontsize=9)
ax.set_ylim(0, 21)
plt.tight_layout()
plt.show()
