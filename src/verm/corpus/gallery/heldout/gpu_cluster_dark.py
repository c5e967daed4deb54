# Dark-themed monitoring panel: GPU utilisation of eight nodes over a day with a cluster mean band and an outage window, legend outside the axes.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(88)
plt.style.use("dark_background")
minutes = np.arange(0, 24 * 60, 5)
hours = minutes / 60
util = []
for node in range(8):
    base = 70 + 15 * np.sin(2 * np.pi * (hours - 3 - node * 0.4) / 24)
    noise = np.convolve(rng.normal(0, 6, minutes.size), np.ones(6) / 6, mode="same")
    u = np.clip(base + noise, 0, 100)
    if node == 5:
        u[(hours > 13) & (hours < 15.5)] = 0
    util.append(u)
util = np.array(util)

fig, ax = plt.subplots(figsize=(10, 4.2))
cmap = plt.get_cmap("cool")
for i, u in enumerate(util):
    ax.plot(hours, u, lw=0.9, color=cmap(i / 7), alpha=0.85, label=f"node-{i:02d}")
mean, sd = util.mean(axis=0), util.std(axis=0)
ax.plot(hours, mean, color="white", lw=2.2, label="cluster mean")
ax.fill_between(hours, mean - sd, mean + sd, color="white", alpha=0.12)
ax.axvspan(13, 15.5, color="#ff5555", alpha=0.2)
ax.text(14.25, 6, "node-05\nXID 79", ha="center", fontsize=8, color="#ff8888")
ax.set_xlim(0, 24)
ax.set_ylim(0, 105)
ax.set_xticks(range(0, 25, 3), [f"{h:02d}:00" for h in range(0, 25, 3)])
ax.set_ylabel("GPU utilisation (%)")
ax.set_title("Training cluster A — 2023-11-14 (UTC)", loc="left", fontsize=11)
ax.grid(alpha=0.15)
ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8, frameon=False)
fig.tight_layout()
plt.show()
