# Nyquist plot of an open-loop transfer function with the critical point, unit circle and gain/phase margins
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle

w = np.logspace(-2, 2.5, 3000)
s = 1j * w
K = 5.6
L = K / ((s + 1) * (0.5 * s + 1) * (0.2 * s + 1))

pc = np.argmin(np.abs(np.angle(L) + np.pi))
gm = -1 / L.real[pc]
gc = np.argmin(np.abs(np.abs(L) - 1))
pm = 180 + np.degrees(np.angle(L[gc]))

with plt.style.context("bmh"):
    fig, ax = plt.subplots(figsize=(6.8, 6.4))
    ax.plot(L.real, L.imag, color="#1f4e79", lw=2, label=r"$L(j\omega)$, $\omega>0$")
    ax.plot(L.real, -L.imag, color="#1f4e79", lw=1.2, ls="--", label=r"$\omega<0$ (mirror)")
    for i in (400, 1400, 2000):
        ax.annotate(
            "",
            xy=(L.real[i + 20], L.imag[i + 20]),
            xytext=(L.real[i], L.imag[i]),
            arrowprops={"arrowstyle": "-|>", "color": "#1f4e79", "lw": 1.5},
        )
    ax.add_patch(Circle((0, 0), 1, fill=False, ls=":", color="0.4", lw=1))
    ax.plot(-1, 0, "rx", ms=10, mew=2.5, label="critical point −1")
    ax.plot(L.real[pc], 0, "o", color="#c55a11")
    ax.annotate(
        f"GM = {20 * np.log10(gm):.1f} dB",
        (L.real[pc], 0),
        xytext=(-2.2, 1.4),
        arrowprops={"arrowstyle": "->", "connectionstyle": "arc3,rad=-0.3"},
        fontsize=9,
    )
    ax.plot([0, L.real[gc]], [0, L.imag[gc]], color="#548235", lw=1)
    ax.annotate(
        f"PM = {pm:.0f}°",
        (L.real[gc], L.imag[gc]),
        xytext=(0.8, -3.2),
        arrowprops={"arrowstyle": "->", "connectionstyle": "arc3,rad=0.3"},
        fontsize=9,
    )
    ax.axhline(0, color="0.3", lw=0.8)
    ax.axvline(0, color="0.3", lw=0.8)
    ax.set_xlim(-2.5, 6.5)
    ax.set_ylim(-4.5, 4.5)
    ax.set_aspect("equal")
    ax.set_xlabel("Re")
    ax.set_ylabel("Im")
    ax.set_title(r"Nyquist plot, $L(s)=\frac{5.6}{(s+1)(0.5s+1)(0.2s+1)}$")
    ax.legend(loc="upper right", fontsize=8)
    fig.tight_layout()
