# Rocket delta-v contours over specific impulse and a log-scaled mass ratio, labelled with clabel, with real stages marked.
import matplotlib.pyplot as plt
import numpy as np

g0 = 9.80665
isp = np.linspace(200, 470, 200)
mass_ratio = np.logspace(np.log10(1.2), np.log10(30), 200)
ISP, MR = np.meshgrid(isp, mass_ratio)
dv = ISP * g0 * np.log(MR) / 1000  # km/s

stages = {
    "Saturn V S-IC": (263, 15.4),
    "Falcon 9 S1": (282, 20.0),
    "Centaur III": (450.5, 9.4),
    "Space Shuttle SRB": (242, 3.4),
    "Electron S2": (343, 9.0),
    "Delta IV CBC": (412, 11.5),
}

with plt.style.context("seaborn-v0_8-ticks"):
    fig, ax = plt.subplots(figsize=(8.5, 6.5))
    filled = ax.contourf(ISP, MR, dv, levels=np.arange(0, 16, 1), cmap="magma_r", alpha=0.9)
    lines = ax.contour(ISP, MR, dv, levels=[1, 2, 3, 4, 6, 8, 10, 12, 14], colors="k", linewidths=0.7)
    ax.clabel(lines, fmt="%d km/s", fontsize=8, inline=True, inline_spacing=4)
    leo = ax.contour(ISP, MR, dv, levels=[9.4], colors="#00bcd4", linewidths=2.2, linestyles="--")
    ax.clabel(leo, fmt="LEO (9.4 km/s)", fontsize=9, manual=False)
    ax.set_yscale("log")
    for name, (i, m) in stages.items():
        ax.plot(i, m, "o", mfc="white", mec="black", ms=7)
        ax.annotate(
            name,
            (i, m),
            xytext=(-6 if i > 440 else 6, -3),
            ha="right" if i > 440 else "left",
            textcoords="offset points",
            fontsize=8,
            bbox=dict(boxstyle="round,pad=0.2", fc="white", ec="none", alpha=0.8),
        )
    ax.set_yticks([1.5, 2, 3, 5, 10, 20, 30])
    ax.set_yticklabels(["1.5", "2", "3", "5", "10", "20", "30"])
    ax.yaxis.set_minor_formatter(plt.NullFormatter())
    ax.set_xlabel("Specific impulse $I_{sp}$ (s)")
    ax.set_ylabel("Mass ratio $m_0 / m_f$ (log scale)")
    ax.set_title(r"Tsiolkovsky: $\Delta v = I_{sp}\, g_0 \ln(m_0/m_f)$", fontsize=13)
    cbar = fig.colorbar(filled, ax=ax, pad=0.02)
    cbar.set_label(r"$\Delta v$ (km/s)")
    fig.tight_layout()
