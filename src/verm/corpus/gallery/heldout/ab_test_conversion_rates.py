# A/B test results: conversion rate per variant and device with Wilson 95% intervals as capped error bars and a percent axis.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.ticker import PercentFormatter

variants = ["Control", "Green button", "Short form", "Social proof"]
devices = ["Desktop", "Mobile"]
visitors = np.array([[5210, 7130], [5180, 7090], [5240, 7210], [5195, 7160]])
conversions = np.array([[312, 298], [331, 305], [368, 377], [340, 330]])


def wilson(k, n, z=1.96):
    p = k / n
    denom = 1 + z**2 / n
    centre = (p + z**2 / (2 * n)) / denom
    half = z * np.sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / denom
    return p, centre - half, centre + half


plt.style.use("seaborn-v0_8-darkgrid")
fig, ax = plt.subplots(figsize=(7.5, 4.5))
x = np.arange(len(variants))
for j, (device, marker) in enumerate(zip(devices, ["o", "s"], strict=True)):
    p, lo, hi = wilson(conversions[:, j], visitors[:, j])
    ax.errorbar(
        x + (j - 0.5) * 0.22, p, yerr=[p - lo, hi - p], fmt=marker, capsize=6, capthick=1.5, ms=7, lw=1.5, label=device
    )
ax.axhline(conversions[0].sum() / visitors[0].sum(), color="0.3", ls=":", lw=1.2, label="Control, all devices")
ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=1))
ax.set_xticks(x, variants)
ax.set_ylabel("Conversion rate")
ax.set_title("Checkout experiment #212 — 14 days, 49,666 visitors")
ax.legend(loc="upper left", fontsize=9, frameon=True)
fig.tight_layout()
plt.show()
