# Electricity load duration curve of a year's hourly demand split into base, intermediate and peak tiers, with a chronological inset.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(2023)
hours = np.arange(8760)
day = hours / 24
seasonal = 1500 * np.cos(2 * np.pi * (day - 15) / 365) + 600 * np.cos(4 * np.pi * (day - 200) / 365)
diurnal = 1800 * np.sin(np.pi * ((hours % 24) - 6) / 16).clip(0)
weekend = np.where((day.astype(int) % 7) >= 5, -900, 0)
load = 9000 + seasonal + diurnal + weekend + rng.normal(0, 300, hours.size)
ldc = np.sort(load)[::-1]
base, mid = np.percentile(load, 2), np.percentile(load, 60)

with plt.style.context("seaborn-v0_8-paper"):
    plt.rcParams["font.size"] = 10
    fig, ax = plt.subplots(figsize=(10, 5.5))
    ax.fill_between(hours, 0, np.minimum(ldc, base), color="#455a64", label=f"base load (< {base / 1000:.1f} GW)")
    ax.fill_between(hours, base, np.clip(ldc, base, mid), color="#26a69a", label="intermediate")
    ax.fill_between(hours, mid, np.maximum(ldc, mid), where=ldc > mid, color="#ef5350", label="peaking")
    ax.plot(hours, ldc, color="black", lw=1.2)
    top100 = ldc[99]
    ax.annotate(
        f"top 100 h above {top100 / 1000:.1f} GW\n(peak {ldc[0] / 1000:.1f} GW)",
        (100, top100),
        xytext=(900, 13600),
        arrowprops=dict(arrowstyle="->"),
        fontsize=9,
    )
    ax.axvline(100, color="gray", ls=":", lw=1)
    energy = load.sum() / 1e6
    ax.text(
        4400,
        base / 2,
        f"annual energy {energy:.1f} TWh\nload factor {load.mean() / ldc[0]:.0%}",
        color="white",
        ha="center",
        va="center",
        fontsize=10,
    )
    ax.set_xlim(0, 8760)
    ax.set_ylim(0, ldc[0] * 1.08)
    ax.set_xticks([0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 8760])
    ax.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v / 1000:.0f}"))
    ax.set_xlabel("Hours per year load is equalled or exceeded")
    ax.set_ylabel("System demand (GW)")
    ax.set_title("Load duration curve, regional grid 2023", loc="left", fontsize=13)
    ax.legend(loc="upper right", frameon=True)

    ins = ax.inset_axes([0.5, 0.4, 0.28, 0.3])
    week = slice(24 * 20, 24 * 34)
    ins.plot(hours[week] / 24, load[week] / 1000, color="#37474f", lw=0.8)
    ins.set_title("two weeks in January", fontsize=8)
    ins.tick_params(labelsize=7)
    ins.set_xlabel("day of year", fontsize=7)
    fig.tight_layout()
