# Radio light curve of a transient: flux density vs days since burst on log-log axes, with 3-sigma upper limits (uplims) for non-detections
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-ticks")
plt.rcParams.update({"font.family": "DejaVu Serif", "font.size": 10, "axes.labelsize": 11})

rng = np.random.default_rng(2024)

t = np.array([0.8, 1.5, 2.4, 3.9, 6.1, 9.8, 15.2, 24.0, 38.5, 61.0, 97.0, 150.0, 240.0])


def broken_power_law(t, f0=1.8, tb=12.0, a1=0.9, a2=-1.3):
    return f0 * (t / tb) ** np.where(t < tb, a1, a2)


bands = {"3 GHz": (1.0, "C0", "o"), "6 GHz": (0.7, "C1", "s"), "15 GHz": (0.45, "C2", "D")}

fig, ax = plt.subplots(figsize=(6.8, 4.6))
for i, (name, (scale, color, marker)) in enumerate(bands.items()):
    tt = t * (1 + 0.04 * i)  # small offset so the points do not overlap
    model = scale * broken_power_law(tt, tb=12.0 * (1 + 0.3 * i))
    flux = model * rng.lognormal(0, 0.12, tt.size)
    err = 0.08 * flux + 0.02
    rms = 0.04 + 0.01 * i
    nondet = flux < 3 * rms + 0.05
    nondet[: 1 + i] = True  # early epochs too faint
    y = np.where(nondet, 3 * rms + 0.06, flux)
    yerr = np.where(nondet, 0.35 * y, err)
    ax.errorbar(tt, y, yerr=yerr, uplims=nondet, fmt=marker, color=color, ms=5, capsize=2.5, elinewidth=1, label=name)
    tm = np.geomspace(0.7, 300, 200)
    ax.plot(tm, scale * broken_power_law(tm, tb=12.0 * (1 + 0.3 * i)), color=color, lw=0.9, alpha=0.6)

# a lower limit from the optical: the source is at least this bright
ax.errorbar(
    [5.0], [0.9], yerr=[[0.0], [0.4]], lolims=[True], fmt="*", color="k", ms=10, capsize=3, label="VLBI (lower limit)"
)

ax.set_xscale("log")
ax.set_yscale("log")
ax.set_xlim(0.6, 330)
ax.set_ylim(0.03, 5)
ax.set_xlabel("Time since burst (days)")
ax.set_ylabel("Flux density (mJy)")
ax.set_title("AT2019xyz radio afterglow", loc="left")
ax.legend(frameon=False, loc="lower left", fontsize=9)
ax.text(0.98, 0.95, "arrows: 3$\\sigma$ upper limits", transform=ax.transAxes, ha="right", va="top", fontsize=8.5)
sns_like = ax.spines
sns_like["top"].set_visible(False)
sns_like["right"].set_visible(False)
fig.tight_layout()
