# Small multiples: weekly store sales for 12 stores in a 3x4 grid with shared x and y axes, each with a 4-week rolling mean and an 80% band, one highlighted store, and figure-level labels
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-white")
rng = np.random.default_rng(404)

weeks = np.arange(1, 53)
stores = [f"Store {k:02d}" for k in range(1, 13)]
fig, axes = plt.subplots(3, 4, figsize=(12, 7), sharex=True, sharey=True)
for k, (ax, name) in enumerate(zip(axes.flat, stores)):
    level = rng.uniform(35, 70)
    season = 10 * np.sin(2 * np.pi * (weeks - 10 - 3 * k) / 52) + 18 * np.exp(-((weeks - 49) ** 2) / 6)
    trend = rng.normal(0.1, 0.15) * weeks
    sales = level + season + trend + rng.normal(0, 4, weeks.size)
    roll = np.convolve(sales, np.ones(4) / 4, mode="valid")  # trailing 4-week mean, from week 4
    resid_sd = np.std(sales[3:] - roll)
    highlight = name == "Store 07"
    color = "#c0392b" if highlight else "#34495e"
    ax.fill_between(weeks[3:], roll - 1.28 * resid_sd, roll + 1.28 * resid_sd, color=color, alpha=0.15, lw=0)
    ax.plot(weeks, sales, color=color, lw=0.6, alpha=0.6)
    ax.plot(weeks[3:], roll, color=color, lw=1.6)
    ax.set_title(name, fontsize=9, loc="left", color=color, fontweight="bold" if highlight else "normal")
    ax.text(
        0.97, 0.05, f"total {sales.sum() / 1000:.1f}k", transform=ax.transAxes, ha="right", fontsize=7.5, color="0.35"
    )
    ax.grid(axis="y", color="0.9")

axes[0, 0].set_ylim(0, 120)
axes[0, 0].set_xlim(1, 52)
for ax in axes[-1]:
    ax.set_xticks([1, 13, 26, 39, 52])
fig.supxlabel("ISO week 2023")
fig.supylabel("units sold")
fig.suptitle("Weekly sales by store, 4-week rolling mean with 80% band", fontsize=13)
fig.tight_layout()
