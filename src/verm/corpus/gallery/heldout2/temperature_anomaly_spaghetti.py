# Monthly temperature anomaly for 40 weather stations as thin grey lines with the network mean highlighted
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(2024)
months = np.arange(120)  # ten years of monthly data
trend = 0.012 * months
seasonal = 0.25 * np.sin(2 * np.pi * months / 12)

stations = []
for _ in range(40):
    offset = rng.normal(0, 0.3)
    walk = np.cumsum(rng.normal(0, 0.08, len(months)))
    stations.append(trend + seasonal * rng.uniform(0.5, 1.5) + offset + walk - walk.mean())
stations = np.array(stations)
mean = stations.mean(axis=0)

fig, ax = plt.subplots(figsize=(10, 4.5))
for series in stations:
    ax.plot(months, series, color="0.7", linewidth=0.6, alpha=0.8)
ax.plot(months, mean, color="crimson", linewidth=2.4, label="Network mean")
ax.plot([], [], color="0.7", linewidth=0.8, label="Individual stations (n=40)")

ax.axhline(0, color="black", linewidth=0.8, linestyle="--")
ax.set_xticks(np.arange(0, 121, 12))
ax.set_xticklabels([str(2014 + i) for i in range(11)])
ax.set_xlim(0, 119)
ax.set_ylabel("Anomaly vs 1991-2020 (°C)")
ax.set_title("Station temperature anomalies, 2014-2023")
ax.legend(loc="upper left")
ax.spines[["top", "right"]].set_visible(False)
fig.tight_layout()
plt.show()
