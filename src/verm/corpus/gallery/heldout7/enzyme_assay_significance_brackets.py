# Grouped bars of enzyme activity (mean ± SEM) for three genotypes under two treatments, with jittered replicates and significance brackets
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(404)
genotypes = ["WT", "ΔkinA", "ΔkinA + pKinA"]
treatments = ["Vehicle", "Rapamycin"]
means = np.array([[100, 62], [41, 38], [94, 58]])
reps = {(g, t): rng.normal(means[g, t], 9, 6) for g in range(3) for t in range(2)}

plt.style.use("seaborn-v0_8-ticks")
fig, ax = plt.subplots(figsize=(6.5, 5.2))
width = 0.36
colours = ["#9ecae1", "#3182bd"]
x = np.arange(len(genotypes))
for t, (name, colour) in enumerate(zip(treatments, colours)):
    xs = x + (t - 0.5) * width
    m = np.array([reps[(g, t)].mean() for g in range(3)])
    sem = np.array([reps[(g, t)].std(ddof=1) / np.sqrt(6) for g in range(3)])
    ax.bar(
        xs,
        m,
        width,
        yerr=sem,
        capsize=4,
        color=colour,
        edgecolor="black",
        linewidth=0.8,
        error_kw=dict(elinewidth=1, ecolor="black"),
        label=name,
    )
    for g in range(3):
        jitter = rng.uniform(-0.07, 0.07, 6)
        ax.scatter(xs[g] + jitter, reps[(g, t)], s=14, color="white", edgecolors="black", linewidths=0.7, zorder=3)


def bracket(x1, x2, y, label, h=3):
    ax.plot([x1, x1, x2, x2], [y, y + h, y + h, y], color="black", lw=1)
    ax.text((x1 + x2) / 2, y + h + 0.5, label, ha="center", va="bottom", fontsize=11)


bracket(-0.18, 0.18, 121, "***")
bracket(0.82, 1.18, 58, "n.s.")
bracket(1.82, 2.18, 115, "**")
bracket(-0.18, 0.82, 138, "****")
bracket(-0.18, 1.82, 152, "n.s.")

ax.set_xticks(x)
ax.set_xticklabels(genotypes)
ax.set_ylabel("Kinase activity (% of WT vehicle)")
ax.set_ylim(0, 185)
ax.legend(title="Treatment", frameon=False, loc="upper right")
ax.set_title("In vitro kinase assay, n = 6 per group")
ax.text(
    0.01, 0.99, "two-way ANOVA, Šidák post hoc", transform=ax.transAxes, ha="left", va="top", fontsize=8, color="0.4"
)
ax.spines[["top", "right"]].set_visible(False)
fig.tight_layout()
