# B-H hysteresis loops of a soft and a hard magnetic material with remanence, coercivity and initial magnetisation curves
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("petroff10")
plt.rcParams.update({"font.family": "DejaVu Sans", "mathtext.fontset": "dejavusans"})


def loop(h, hc, bs, width):
    """Upper and lower branches of a tanh hysteresis model."""
    upper = bs * np.tanh((h + hc) / width)
    lower = bs * np.tanh((h - hc) / width)
    return upper, lower


h = np.linspace(-60, 60, 600)  # kA/m
materials = [("Silicon steel (soft)", 1.5, 1.7, 3.5), ("NdFeB magnet (hard)", 28.0, 1.3, 9.0)]

fig, (ax, axm) = plt.subplots(1, 2, figsize=(11.5, 5.2), gridspec_kw={"width_ratios": [1.6, 1]})
colours = plt.rcParams["axes.prop_cycle"].by_key()["color"]
for (name, hc, bs, w), c in zip(materials, colours):
    up, lo = loop(h, hc, bs, w)
    ax.plot(h, up, color=c, lw=2, label=name)
    ax.plot(h, lo, color=c, lw=2)
    ax.fill_between(h, lo, up, color=c, alpha=0.12, lw=0)
    initial = bs * np.tanh(h[h >= 0] / (w + hc)) * (1 - np.exp(-h[h >= 0] / (0.4 * w + 1)))
    ax.plot(h[h >= 0], initial, color=c, lw=1.2, ls=":")
    br = bs * np.tanh(hc / w)
    ax.plot([0], [br], "o", color=c, ms=6, zorder=5)
    ax.plot([-hc], [0], "s", color=c, ms=6, zorder=5)
    # Arrows showing the direction of travel on each branch
    for branch, idx, d in ((up, 150, -1), (lo, 450, 1)):
        ax.annotate(
            "",
            xy=(h[idx + 6 * d], branch[idx + 6 * d]),
            xytext=(h[idx], branch[idx]),
            arrowprops={"arrowstyle": "-|>", "color": c, "lw": 1.5},
        )

ax.annotate(
    r"$B_r$ remanence", xy=(0, 1.3 * np.tanh(28 / 9)), xytext=(8, 0.5), fontsize=9, arrowprops={"arrowstyle": "->"}
)
ax.annotate(r"$-H_c$ coercivity", xy=(-28, 0), xytext=(-56, 0.55), fontsize=9, arrowprops={"arrowstyle": "->"})
ax.text(35, 0.9, "initial\nmagnetisation", fontsize=8, ha="center", color="0.35")
ax.axhline(0, color="k", lw=0.8)
ax.axvline(0, color="k", lw=0.8)
ax.set_xlabel(r"Magnetic field strength $H$ (kA/m)")
ax.set_ylabel(r"Flux density $B$ (T)")
ax.set_title("Hysteresis loops at 50 Hz, room temperature", loc="left")
ax.legend(loc="lower right")
ax.set_xlim(-60, 60)
ax.set_ylim(-1.95, 1.95)

# Differential permeability of the soft material's ascending branch
hs = np.linspace(-15, 15, 400)
up_s, lo_s = loop(hs, 1.5, 1.7, 3.5)
mu0 = 4e-7 * np.pi
mu_r = np.gradient(lo_s, hs * 1e3) / mu0
axm.semilogy(hs, mu_r, color=colours[0], lw=2)
axm.axvline(1.5, color="0.4", ls="--", lw=1)
axm.text(2.0, mu_r.max() * 0.6, r"peak at $H \approx H_c$", fontsize=9)
axm.set_xlabel(r"$H$ (kA/m)")
axm.set_ylabel(r"relative differential permeability $\mu_r$")
axm.set_title("Soft material, ascending branch", loc="left", fontsize=10)
axm.set_ylim(1, 1e3)
fig.tight_layout()
