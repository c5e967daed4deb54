# Dose-response of two compounds: mean viability with capped error bars on a log dose axis and fitted Hill curves.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(11)
doses = np.array([0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100])


def hill(d, top, bottom, ec50, slope):
    return bottom + (top - bottom) / (1 + (d / ec50) ** slope)


params = {"Compound A": (100, 8, 0.8, 1.2), "Compound B": (98, 25, 6.0, 0.9)}
markers = {"Compound A": "o", "Compound B": "s"}
fig, ax = plt.subplots(figsize=(6.5, 4.5), dpi=110)
grid = np.logspace(-2.2, 2.2, 200)
for name, (top, bottom, ec50, slope) in params.items():
    reps = hill(doses, top, bottom, ec50, slope)[:, None] + rng.normal(0, 4, (len(doses), 3))
    mean, sd = reps.mean(axis=1), reps.std(axis=1, ddof=1)
    err = ax.errorbar(
        doses, mean, yerr=sd, fmt=markers[name], capsize=4, capthick=1.2, elinewidth=1.2, label=f"{name} (mean ± SD)"
    )
    ax.plot(grid, hill(grid, top, bottom, ec50, slope), color=err[0].get_color(), lw=1.5, alpha=0.8)
    ax.axvline(ec50, color=err[0].get_color(), ls=":", lw=1)
    ax.annotate(
        f"EC50 = {ec50:g} µM",
        xy=(ec50, 52),
        xytext=(5, 0),
        textcoords="offset points",
        fontsize=8,
        color=err[0].get_color(),
    )

ax.set_xscale("log")
ax.set_xlabel("Concentration (µM)")
ax.set_ylabel("Cell viability (%)")
ax.set_ylim(0, 115)
ax.axhline(50, color="0.6", lw=0.8, ls="--")
ax.legend(frameon=False, loc="lower left")
ax.set_title("72 h viability assay, n = 3 replicates")
fig.tight_layout()
plt.show()
