# Forest plot of odds ratios with asymmetric 95% confidence intervals on a log axis, with a pooled estimate diamond
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-paper")

studies = [
    "Alvarez 2014",
    "Brandt 2015",
    "Chen 2016",
    "Dubois 2017",
    "Eriksen 2018",
    "Fujita 2019",
    "Gupta 2020",
    "Hansen 2021",
    "Ibrahim 2022",
]
odds = np.array([0.72, 0.95, 0.61, 1.12, 0.80, 0.55, 0.88, 0.69, 0.77])
lower = np.array([0.48, 0.70, 0.35, 0.74, 0.62, 0.30, 0.66, 0.51, 0.58])
upper = np.array([1.08, 1.29, 1.06, 1.70, 1.03, 1.01, 1.17, 0.93, 1.02])
weights = np.array([7.9, 12.4, 4.6, 6.8, 15.2, 3.9, 13.1, 14.0, 12.1])
pooled, pooled_lo, pooled_hi = 0.78, 0.70, 0.87

y = np.arange(len(studies))[::-1] + 2
fig, ax = plt.subplots(figsize=(8, 5.2))
ax.errorbar(odds, y, xerr=[odds - lower, upper - odds], fmt="none", ecolor="0.2", elinewidth=1.2, capsize=3)
ax.scatter(odds, y, s=weights * 9, marker="s", color="#2b6a99", zorder=3)
ax.fill([pooled_lo, pooled, pooled_hi, pooled], [0.5, 0.85, 0.5, 0.15], color="#b8312f", zorder=3)
ax.axvline(1.0, color="0.3", lw=1)
ax.axvline(pooled, color="#b8312f", lw=0.8, ls="--")
ax.set_xscale("log")
ax.set_xticks([0.25, 0.5, 1, 2], ["0.25", "0.5", "1", "2"])
ax.minorticks_off()
ax.set_xlim(0.25, 2.4)
ax.set_yticks(list(y) + [0.5], studies + ["Pooled (random effects)"])
ax.set_ylim(-0.3, y.max() + 0.8)
for yi, o, lo, hi, w in zip(y, odds, lower, upper, weights):
    ax.text(2.45, yi, f"{o:.2f} [{lo:.2f}, {hi:.2f}]  {w:.1f}%", va="center", fontsize=8)
ax.text(2.45, 0.5, f"{pooled:.2f} [{pooled_lo:.2f}, {pooled_hi:.2f}]  100%", va="center", fontsize=8, fontweight="bold")
ax.text(0.59, -0.14, "favours treatment", transform=ax.transAxes, ha="right", fontsize=8)
ax.text(0.64, -0.14, "favours control", transform=ax.transAxes, ha="left", fontsize=8)
ax.set_xlabel("Odds ratio (log scale)", labelpad=24)
ax.set_title("Mortality at 30 days: meta-analysis of 9 trials", loc="left")
ax.spines[["top", "right", "left"]].set_visible(False)
ax.tick_params(axis="y", length=0)
fig.subplots_adjust(left=0.25, right=0.72, bottom=0.18)
plt.show()
