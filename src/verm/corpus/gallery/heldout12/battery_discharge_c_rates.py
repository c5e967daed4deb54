# Lithium-ion cell discharge curves at C-rates from C/10 to 3C, coloured by rate with a colorbar, and usable capacity per rate.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.cm import ScalarMappable
from matplotlib.colors import LogNorm

rates = np.array([0.1, 0.2, 0.5, 1.0, 2.0, 3.0])
nominal = 3.0  # Ah
cutoff = 2.5
norm = LogNorm(rates.min(), rates.max())
cmap = plt.get_cmap("plasma")

with plt.style.context("seaborn-v0_8-darkgrid"):
    fig, (ax, ax2) = plt.subplots(1, 2, figsize=(12, 5), gridspec_kw={"width_ratios": [2.2, 1]})
    usable = []
    for c in rates:
        cap_max = nominal * (1 - 0.045 * np.log2(c / 0.1 + 1) - 0.01 * c)
        q = np.linspace(0, cap_max, 400)
        soc = 1 - q / nominal
        ir_drop = 0.045 * c
        v = 3.35 + 0.75 * soc + 0.12 * np.exp(-(1 - soc) * 25) - ir_drop
        v -= 0.9 * np.exp(-(cap_max - q) * 9 / (1 + c))
        keep = v >= cutoff
        ax.plot(q[keep] * 1000, v[keep], color=cmap(norm(c)), lw=2)
        usable.append(q[keep][-1])
        ax.text(q[keep][-1] * 1000 + 20, cutoff + 0.04, f"{c:g}C", color=cmap(norm(c)), fontsize=8, rotation=90)
    ax.axhline(cutoff, color="#c0392b", ls="--", lw=1)
    ax.text(60, cutoff + 0.03, "cut-off 2.5 V", color="#c0392b", fontsize=9)
    ax.set_xlim(0, 3200)
    ax.set_ylim(2.4, 4.3)
    ax.set_xlabel("Discharged capacity (mAh)")
    ax.set_ylabel("Cell voltage (V)")
    ax.set_title("18650 NMC cell, 25 °C")
    sm = ScalarMappable(norm=norm, cmap=cmap)
    cb = fig.colorbar(sm, ax=ax, pad=0.01)
    cb.set_label("Discharge rate (C)")
    cb.set_ticks(rates)
    cb.set_ticklabels([f"{r:g}" for r in rates])

    pct = np.array(usable) / nominal * 100
    bars = ax2.bar([f"{r:g}C" for r in rates], pct, color=[cmap(norm(r)) for r in rates])
    ax2.bar_label(bars, fmt="%.0f%%", fontsize=9)
    ax2.set_ylim(60, 105)
    ax2.set_ylabel("Usable capacity (% of nominal)")
    ax2.set_title("Rate capability")
    fig.tight_layout()
