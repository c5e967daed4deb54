# Phase diagram of water: solid, liquid and vapour regions on a log-pressure axis with the triple and critical points
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update(
    {
        "font.family": "STIXGeneral",
        "mathtext.fontset": "stix",
        "font.size": 11,
        "axes.linewidth": 0.9,
        "xtick.direction": "in",
        "ytick.direction": "in",
        "xtick.top": True,
        "ytick.right": True,
    }
)

T_TRIPLE, P_TRIPLE = 273.16, 611.657  # K, Pa
T_CRIT, P_CRIT = 647.096, 22.064e6

# Vapour-pressure curve (Clausius-Clapeyron between the triple and critical points, scaled to hit both)
t_vap = np.linspace(T_TRIPLE, T_CRIT, 300)
slope = np.log(P_CRIT / P_TRIPLE) / (1 / T_TRIPLE - 1 / T_CRIT)
p_vap = P_TRIPLE * np.exp(slope * (1 / T_TRIPLE - 1 / t_vap))

# Sublimation curve below the triple point (steeper latent heat)
t_sub = np.linspace(190, T_TRIPLE, 200)
p_sub = P_TRIPLE * np.exp(6140 * (1 / T_TRIPLE - 1 / t_sub))

# Melting curve: nearly vertical with a slight negative slope (ice Ih is less dense than water)
p_melt = np.logspace(np.log10(P_TRIPLE), 9, 200)
t_melt = T_TRIPLE - 2.2e-8 * (p_melt - P_TRIPLE)

fig, ax = plt.subplots(figsize=(7.2, 5.6))
ax.set_yscale("log")
p_top, t_left, t_right = 1e9, 190, 800

# Regions as filled polygons
ax.fill(np.r_[t_left, t_sub, t_melt, t_left], np.r_[1e-1, p_sub, p_melt, p_top], color="#cfe3f5", zorder=0)
ax.fill(
    np.r_[t_melt, T_CRIT, T_CRIT, t_vap[::-1]], np.r_[p_melt, p_top, P_CRIT, p_vap[::-1]], color="#d8efd2", zorder=0
)
ax.fill(
    np.r_[t_left, t_sub, t_vap, t_right, t_right, t_left],
    np.r_[1e-1, p_sub, p_vap, P_CRIT, 1e-1, 1e-1],
    color="#fbe7c6",
    zorder=0,
)
ax.fill([T_CRIT, t_right, t_right, T_CRIT], [P_CRIT, P_CRIT, p_top, p_top], color="#ead7ef", zorder=0)

ax.plot(t_vap, p_vap, color="k", lw=1.6)
ax.plot(t_sub, p_sub, color="k", lw=1.6)
ax.plot(t_melt, p_melt, color="k", lw=1.6)
ax.plot([T_CRIT, T_CRIT], [P_CRIT, p_top], color="0.4", lw=1, ls="--")
ax.plot([T_CRIT, t_right], [P_CRIT, P_CRIT], color="0.4", lw=1, ls="--")

ax.plot(T_TRIPLE, P_TRIPLE, "o", ms=7, mfc="white", mec="k", zorder=5)
ax.plot(T_CRIT, P_CRIT, "o", ms=7, color="k", zorder=5)
ax.annotate(
    "triple point\n273.16 K, 611.7 Pa",
    xy=(T_TRIPLE, P_TRIPLE),
    xytext=(330, 12),
    arrowprops={"arrowstyle": "->", "lw": 0.9},
    fontsize=10,
)
ax.annotate(
    "critical point\n647.1 K, 22.06 MPa",
    xy=(T_CRIT, P_CRIT),
    xytext=(520, 1.2e8),
    arrowprops={"arrowstyle": "->", "lw": 0.9},
    fontsize=10,
)
ax.axhline(101325, color="#9c2b2b", lw=0.9, ls=":")
ax.text(760, 101325 * 1.4, "1 atm", color="#9c2b2b", ha="right", fontsize=10)

ax.text(225, 1e6, "SOLID\n(ice Ih)", ha="center", fontsize=13, weight="bold", color="#2a5d8f")
ax.text(440, 3e6, "LIQUID", ha="center", fontsize=13, weight="bold", color="#3b7a2f")
ax.text(520, 30, "VAPOUR", ha="center", fontsize=13, weight="bold", color="#a8641b")
ax.text(725, 1.3e8, "supercritical\nfluid", ha="center", va="center", fontsize=11, style="italic", color="#6b3f7a")

ax.set_xlim(t_left, t_right)
ax.set_ylim(1e-1, p_top)
ax.set_xlabel("Temperature $T$ (K)")
ax.set_ylabel("Pressure $p$ (Pa)")
ax.set_title("Phase diagram of H$_2$O (schematic)")
fig.tight_layout()
