# Three regional panels of hourly electricity demand for a winter and a summer weekday, one shared legend below the figure and a figtext source note
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(60)
hours = np.arange(0, 24.5, 0.5)
regions = {"North": (14.2, 1.25, 0.55), "Central": (21.8, 1.05, 0.85), "South": (9.6, 0.9, 1.3)}

with plt.style.context("seaborn-v0_8-white"):
    fig, axes = plt.subplots(1, 3, figsize=(10, 4), sharey=True)
    for ax, (name, (base, winter_amp, summer_amp)) in zip(axes, regions.items()):
        morning = np.exp(-0.5 * ((hours - 8.5) / 1.6) ** 2)
        evening = np.exp(-0.5 * ((hours - 18.5) / 2.0) ** 2)
        midday = np.exp(-0.5 * ((hours - 14.5) / 3.0) ** 2)
        winter = base * (0.72 + 0.22 * winter_amp * morning + 0.32 * winter_amp * evening) + rng.normal(
            0, 0.15, hours.size
        )
        summer = base * (0.62 + 0.08 * morning + 0.3 * summer_amp * midday) + rng.normal(0, 0.15, hours.size)
        ax.plot(hours, winter, color="#1f77b4", lw=2, label="Winter weekday (17 Jan)")
        ax.plot(hours, summer, color="#ff7f0e", lw=2, label="Summer weekday (11 Jul)")
        overnight = min(winter[hours < 6].min(), summer[hours < 6].min())
        ax.axhspan(0, overnight, color="0.9", lw=0, label="Baseload band", zorder=0)
        ax.axhline(winter.max(), color="#1f77b4", lw=0.8, ls=":")
        ax.set_title(f"{name} ({winter.max():.1f} GW peak)", fontsize=11)
        ax.set_xticks([0, 6, 12, 18, 24])
        ax.set_xticklabels(["0h", "6h", "12h", "18h", "24h"])
        ax.set_xlim(0, 24)
        ax.set_xlabel("Local time")
    axes[0].set_ylabel("Demand (GW)")
    axes[0].set_ylim(0, 30)
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=3, frameon=False, bbox_to_anchor=(0.5, 0.05))
    fig.suptitle("Regional load profiles", fontsize=13, fontweight="bold", x=0.02, ha="left")
    fig.subplots_adjust(left=0.07, right=0.98, top=0.84, bottom=0.28, wspace=0.08)
    fig.text(
        0.02,
        0.015,
        "Source: system operator half-hourly metered demand; baseload band = overnight minimum.",
        fontsize=8,
        color="0.4",
        style="italic",
    )
    fig.text(0.98, 0.015, "Chart: grid analytics team", fontsize=8, color="0.4", ha="right")
