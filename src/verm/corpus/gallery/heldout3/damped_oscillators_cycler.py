# Step responses of a second-order system for eight damping ratios, using a combined colour x linestyle property cycler and a legend outside the axes
import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np

mpl.rcParams["axes.prop_cycle"] = plt.cycler(
    color=["#000000", "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7"]
) + plt.cycler(linestyle=["-", "--", "-.", ":", "-", "--", "-.", ":"])
mpl.rcParams["font.family"] = "DejaVu Sans Mono"
mpl.rcParams["font.size"] = 9
mpl.rcParams["lines.linewidth"] = 1.6
mpl.rcParams["axes.spines.top"] = False
mpl.rcParams["axes.spines.right"] = False

wn = 2 * np.pi * 1.0  # natural frequency 1 Hz
t = np.linspace(0, 4, 800)


def step_response(zeta):
    if zeta < 1:
        wd = wn * np.sqrt(1 - zeta**2)
        phi = np.arccos(zeta)
        return 1 - np.exp(-zeta * wn * t) / np.sqrt(1 - zeta**2) * np.sin(wd * t + phi)
    if zeta == 1:
        return 1 - np.exp(-wn * t) * (1 + wn * t)
    s1 = -wn * (zeta - np.sqrt(zeta**2 - 1))
    s2 = -wn * (zeta + np.sqrt(zeta**2 - 1))
    return 1 + (s2 * np.exp(s1 * t) - s1 * np.exp(s2 * t)) / (s1 - s2)


fig = plt.figure(figsize=(8, 4.6))
ax = fig.add_axes([0.09, 0.13, 0.66, 0.77])
for zeta in [0.05, 0.1, 0.2, 0.35, 0.5, 0.707, 1.0, 2.0]:
    ax.plot(t, step_response(zeta), label=f"ζ = {zeta:g}")
ax.axhline(1.0, color="0.6", lw=0.8, ls="-", zorder=0)
ax.axhspan(0.98, 1.02, color="0.9", zorder=0)
ax.set_xlim(0, 4)
ax.set_ylim(-0.05, 2.0)
ax.set_xlabel("time [s]")
ax.set_ylabel("y(t) / y_ss")
ax.set_title("Unit-step response, ωn = 2π rad/s")
ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), title="damping", frameon=False)
ax.text(3.95, 1.05, "±2% band", ha="right", fontsize=8, color="0.4")
