# Rotation curve of a spiral galaxy: observed HI velocities with errors against radius, the bulge, disc, gas and dark-halo components added in quadrature, and a Keplerian fall-off for contrast.
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update(
    {
        "font.family": "DejaVu Serif",
        "mathtext.fontset": "cm",
        "font.size": 10,
        "xtick.direction": "in",
        "ytick.direction": "in",
        "xtick.top": True,
        "ytick.right": True,
    }
)

rng = np.random.default_rng(3198)
r = np.linspace(0.05, 32, 300)
bulge = 160 * np.sqrt(r / 0.6) / (1 + r / 0.6)
rd = 3.2
y = r / (2 * rd)
disc = 180 * np.sqrt(y**2 * 2.4 * np.exp(-1.1 * y) / (1 + 0.02 * y**3) + 1e-6)
gas = 55 * np.sqrt(np.clip(1 - np.exp(-r / 9), 0, None)) * (r / (r + 4))
halo = 175 * np.sqrt(1 - np.arctan(r / 5.5) / (r / 5.5))
total = np.sqrt(bulge**2 + disc**2 + gas**2 + halo**2)
baryon = np.sqrt(bulge**2 + disc**2 + gas**2)

ro = np.arange(1.0, 31, 1.5)
vo = np.interp(ro, r, total) + rng.normal(0, 6, ro.size)
ve = rng.uniform(4, 12, ro.size) * (1 + ro / 30)

fig, ax = plt.subplots(figsize=(8.8, 5.8))
ax.axvspan(14.5, 33, color="#eceff1", lw=0)
ax.text(23.5, 20, "beyond the optical disc\n($R > R_{25}$), HI only", ha="center", fontsize=9, color="0.35")
ax.errorbar(
    ro,
    vo,
    yerr=ve,
    fmt="o",
    color="black",
    ms=5,
    mfc="white",
    capsize=2.5,
    label="HI 21 cm (tilted-ring fit)",
    zorder=5,
)
ax.plot(r, total, color="#b71c1c", lw=2.4, label="total model")
for comp, c, ls, lab in [
    (bulge, "#ef6c00", ":", "bulge"),
    (disc, "#1565c0", "--", r"stellar disc ($\Upsilon_\ast = 0.6$)"),
    (gas, "#2e7d32", "-.", "gas"),
    (halo, "#6a1b9a", (0, (5, 2, 1, 2)), "dark halo (pseudo-isothermal)"),
]:
    ax.plot(r, comp, color=c, ls=ls, lw=1.5, label=lab)
kep = baryon[np.argmin(np.abs(r - 8))] * np.sqrt(8 / r)
ax.plot(r[r > 8], kep[r > 8], color="0.5", lw=1.2, label=r"Keplerian, $v \propto r^{-1/2}$")
v_top, v_kep = np.interp(26, r, total), kep[np.argmin(np.abs(r - 26))]
ax.annotate(
    "", xy=(26, v_top), xytext=(26, v_kep), arrowprops=dict(arrowstyle="<->", color="0.3", shrinkA=0, shrinkB=0)
)
ax.text(25.6, (v_top + v_kep) / 2, "missing\nmass", ha="right", va="center", fontsize=9)
ax.set_xlim(0, 32)
ax.set_ylim(0, 300)
ax.set_xlabel(r"Galactocentric radius $R$ (kpc)")
ax.set_ylabel(r"Circular velocity $v_c$ (km s$^{-1}$)")
ax.set_title("NGC 3198-like rotation curve decomposition", loc="left")
ax.legend(loc="upper right", fontsize=8.5, ncol=2, frameon=False)
fig.tight_layout()
