# Cell viability vs drug concentration for two compounds with capped asymmetric error bars and fitted curves
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 10})

conc = np.array([0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30])  # µM


def hill(c, ic50, slope):
    return 100 / (1 + (c / ic50) ** slope)


rng = np.random.default_rng(42)
fig, ax = plt.subplots(figsize=(6.5, 4.5))
for name, ic50, slope, color, marker in [
    ("Compound A", 0.4, 1.2, "tab:blue", "o"),
    ("Compound B", 3.1, 1.8, "tab:orange", "s"),
]:
    viability = hill(conc, ic50, slope) + rng.normal(0, 3, len(conc))
    lower = rng.uniform(2, 6, len(conc))
    upper = rng.uniform(3, 9, len(conc))
    ax.errorbar(
        conc,
        viability,
        yerr=[lower, upper],
        fmt=marker,
        color=color,
        capsize=4,
        capthick=1.2,
        elinewidth=1,
        markersize=6,
        label=f"{name} (IC$_{{50}}$ = {ic50} µM)",
    )
    grid = np.logspace(-2.2, 1.7, 200)
    ax.plot(grid, hill(grid, ic50, slope), color=color, linewidth=1.2)

ax.axhline(50, color="0.5", linestyle=":", linewidth=1)
ax.set_xscale("log")
ax.set_xlabel("Concentration (µM)")
ax.set_ylabel("Viability (% of vehicle)")
ax.set_ylim(-10, 120)
ax.set_title("72 h viability, HeLa cells (mean, 95% CI, n = 3)")
ax.legend(frameon=False, loc="lower left")
fig.tight_layout()
plt.show()
