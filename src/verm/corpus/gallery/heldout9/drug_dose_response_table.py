# Semi-log dose-response curves of three inhibitors with 4-parameter logistic fits and an inset IC50 table
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(4150)
conc = np.logspace(-3, 2, 10)  # µM


def four_pl(x, bottom, top, ic50, hill):
    return bottom + (top - bottom) / (1 + (x / ic50) ** hill)


drugs = {"Compound A": (3, 100, 0.08, 1.1), "Compound B": (8, 98, 1.9, 0.9), "Reference": (12, 101, 14.0, 1.4)}
markers = ["o", "s", "D"]
grid = np.logspace(-3.3, 2.3, 300)
rows = []

plt.style.use("seaborn-v0_8-paper")
fig, ax = plt.subplots(figsize=(7.2, 5))
for (name, p), m in zip(drugs.items(), markers):
    reps = four_pl(conc[:, None], *p) + rng.normal(0, 4, (conc.size, 3))
    mean, sd = reps.mean(axis=1), reps.std(axis=1, ddof=1)
    line = ax.plot(grid, four_pl(grid, *p), lw=1.8, label=name)[0]
    ax.errorbar(conc, mean, yerr=sd, fmt=m, color=line.get_color(), ms=5, capsize=2.5, mfc="white", mew=1.3)
    ax.plot([p[2], p[2]], [0, four_pl(p[2], *p)], color=line.get_color(), ls=":", lw=1)
    rows.append([name, f"{p[2]:.2g}", f"{p[3]:.1f}", f"{p[0]:.0f}"])
ax.axhline(50, color="0.6", lw=0.8, ls="--")
ax.set_xscale("log")
ax.set_xlim(5e-4, 200)
ax.set_ylim(-5, 115)
ax.set_xlabel("Concentration (µM)")
ax.set_ylabel("Kinase activity (% of vehicle)")
ax.set_title("HEK293 kinase inhibition, n = 3 technical replicates", fontsize=11)
ax.legend(loc="lower left", frameon=False)
tab = ax.table(
    cellText=rows,
    colLabels=["", "IC50 (µM)", "Hill", "Bottom %"],
    loc="upper right",
    bbox=[0.55, 0.72, 0.43, 0.25],
    cellLoc="center",
)
tab.auto_set_font_size(False)
tab.set_fontsize(8)
for (r, _col), cell in tab.get_celld().items():
    cell.set_linewidth(0.4)
    if r == 0:
        cell.set_facecolor("#e8e8e8")
fig.tight_layout()
