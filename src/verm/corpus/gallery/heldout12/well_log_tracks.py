# Petrophysical well log in four depth tracks: gamma ray with shale shading, resistivity on a log axis, density-neutron crossover and lithology.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

rng = np.random.default_rng(9)
depth = np.arange(2000, 2300, 0.5)
zones = [
    (2000, 2042, "shale"),
    (2042, 2085, "sand"),
    (2085, 2120, "shale"),
    (2120, 2170, "sand"),
    (2170, 2195, "limestone"),
    (2195, 2240, "shale"),
    (2240, 2300, "sand"),
]
litho = np.empty(depth.size, dtype=object)
for top, base, name in zones:
    litho[(depth >= top) & (depth < base)] = name


def smooth(x, k=9):
    return np.convolve(x, np.ones(k) / k, mode="same")


gr = smooth(np.select([litho == "shale", litho == "sand"], [105, 38], 22) + rng.normal(0, 8, depth.size))
gas = (depth > 2120) & (depth < 2150)
res = smooth(
    np.select([litho == "shale", litho == "sand"], [2.5, 8], 40)
    * np.where(gas, 12, 1)
    * np.exp(rng.normal(0, 0.15, depth.size))
)
rhob = smooth(
    np.select([litho == "shale", litho == "sand"], [2.50, 2.30], 2.66) - 0.12 * gas + rng.normal(0, 0.02, depth.size)
)
nphi = smooth(
    np.select([litho == "shale", litho == "sand"], [0.36, 0.22], 0.08) - 0.10 * gas + rng.normal(0, 0.015, depth.size)
)

fig, axes = plt.subplots(
    1, 4, figsize=(10, 9), sharey=True, gridspec_kw={"width_ratios": [1.2, 1.2, 1.4, 0.5], "wspace": 0.06}
)
ax_gr, ax_res, ax_dn, ax_lith = axes
ax_gr.plot(gr, depth, color="#2e7d32", lw=0.9)
ax_gr.fill_betweenx(depth, gr, 75, where=gr > 75, color="#8d6e63", alpha=0.6, lw=0)
ax_gr.fill_betweenx(depth, 0, gr, where=gr <= 75, color="#fdd835", alpha=0.6, lw=0)
ax_gr.axvline(75, color="gray", ls="--", lw=0.8)
ax_gr.set_xlim(0, 150)
ax_gr.set_xlabel("GR (API)")
ax_gr.set_ylabel("Measured depth (m)")

ax_res.semilogx(res, depth, color="#c62828", lw=1)
ax_res.set_xlim(0.2, 2000)
ax_res.set_xlabel("Deep resistivity (Ω·m)")
ax_res.grid(which="both", axis="x", alpha=0.3)

ax_dn.plot(rhob, depth, color="#d32f2f", lw=1, label="RHOB")
ax_dn.set_xlim(1.95, 2.95)
ax_dn.set_xlabel("RHOB (g/cc)", color="#d32f2f")
ax_n = ax_dn.twiny()
ax_n.plot(nphi, depth, color="#1565c0", lw=1, ls="--")
ax_n.set_xlim(0.45, -0.15)
ax_n.set_xlabel("NPHI (v/v)", color="#1565c0")
nphi_on_rhob = 1.95 + (0.45 - nphi) / 0.6 * 1.0
ax_dn.fill_betweenx(depth, rhob, nphi_on_rhob, where=nphi_on_rhob > rhob, color="#ffeb3b", alpha=0.7, lw=0)
ax_dn.text(2.02, 2136, "gas\ncrossover", fontsize=8)

colours = {"shale": "#8d6e63", "sand": "#fdd835", "limestone": "#90caf9"}
for top, base, name in zones:
    ax_lith.axhspan(
        top, base, color=colours[name], hatch="..." if name == "sand" else ("--" if name == "shale" else "++")
    )
ax_lith.set_xticks([])
ax_lith.set_xlabel("Lithology")
ax_lith.legend(
    handles=[Patch(color=c, label=k) for k, c in colours.items()],
    loc="lower center",
    bbox_to_anchor=(0.5, -0.16),
    fontsize=7,
    frameon=False,
)
ax_gr.set_ylim(2300, 2000)
for ax in axes[:2]:
    ax.xaxis.set_ticks_position("top")
    ax.xaxis.set_label_position("top")
for ax in axes[:3]:
    ax.grid(axis="y", alpha=0.3)
fig.suptitle("Well NX-7 composite log", fontsize=13, y=0.99)
