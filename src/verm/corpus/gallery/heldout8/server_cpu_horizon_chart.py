# Horizon chart of CPU utilisation for six servers over a day: each row folds the series into three shaded bands.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(33)
hours = np.linspace(0, 24, 24 * 12)
servers = ["web-01", "web-02", "api-01", "api-02", "db-01", "batch-01"]
bands = 3
band = 100 / bands
blues = ["#c6dbef", "#6baed6", "#08519c"]

fig, axes = plt.subplots(len(servers), 1, figsize=(10, 5), sharex=True)
for k, (ax, name) in enumerate(zip(axes, servers)):
    base = 35 + 25 * np.sin((hours - 8 - k) / 24 * 2 * np.pi)
    if name == "batch-01":
        base = 15 + 75 * ((hours > 1) & (hours < 5))
    noise = np.convolve(rng.normal(0, 8, hours.size), np.ones(6) / 6, mode="same")
    cpu = np.clip(base + noise, 0, 100)
    for b in range(bands):
        layer = np.clip(cpu - b * band, 0, band)
        ax.fill_between(hours, 0, layer, color=blues[b], lw=0)
    ax.set_ylim(0, band)
    ax.set_yticks([])
    ax.text(-0.2, band / 2, name, ha="right", va="center", fontsize=9, family="monospace")
    ax.text(24.2, band / 2, f"peak {cpu.max():.0f}%", ha="left", va="center", fontsize=8, color="0.3")
    for s in ("top", "right", "left"):
        ax.spines[s].set_visible(False)
axes[-1].set_xlim(0, 24)
axes[-1].set_xticks(range(0, 25, 3))
axes[-1].set_xticklabels([f"{h:02d}:00" for h in range(0, 25, 3)])
fig.suptitle("CPU utilisation, 5-min means (bands: 0–33, 33–67, 67–100%)", x=0.1, ha="left", fontsize=12)
fig.subplots_adjust(left=0.1, right=0.9, hspace=0.08, top=0.9)
