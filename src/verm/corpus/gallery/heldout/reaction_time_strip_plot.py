# Strip plot of reaction times per condition with jittered points, group means and 95% CI error bars.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(77)
conditions = ["Baseline", "Caffeine", "Sleep-deprived", "Both"]
means = [312, 288, 365, 330]
groups = [rng.normal(m, 32, 30) + rng.exponential(18, 30) for m in means]
palette = ["#4c72b0", "#55a868", "#c44e52", "#8172b2"]

plt.rcParams.update({"axes.spines.top": False, "axes.spines.right": False, "font.size": 11})
fig, ax = plt.subplots(figsize=(6.5, 4.8))
for i, (g, c) in enumerate(zip(groups, palette, strict=True)):
    x = i + rng.uniform(-0.18, 0.18, g.size)
    ax.scatter(x, g, s=22, color=c, alpha=0.55, edgecolor="none")
    m = g.mean()
    ci = 1.96 * g.std(ddof=1) / np.sqrt(g.size)
    ax.errorbar(i + 0.32, m, yerr=ci, fmt="D", color="black", capsize=5, ms=6, lw=1.5)
ax.set_xticks(range(len(conditions)), conditions)
ax.set_xlim(-0.6, len(conditions) - 0.3)
ax.set_ylabel("Reaction time (ms)")
ax.set_title("Psychomotor vigilance task, n = 30 per group")
ax.text(0.99, 0.02, "◆ mean ± 95% CI", transform=ax.transAxes, ha="right", fontsize=9)
fig.tight_layout()
plt.show()
