# Hourly air-quality index per monitoring station as a pcolormesh with discrete AQI bands via BoundaryNorm
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import BoundaryNorm, ListedColormap

rng = np.random.default_rng(2501)
stations = ["Harbour", "Airport", "Old Town", "University", "Industrial Park", "Riverside", "Hill Park", "Ring Road"]
pollution_level = np.array([1.2, 1.0, 0.9, 0.7, 1.6, 0.8, 0.4, 1.4])
hours = np.arange(72)
diurnal = 1 + 0.45 * np.sin(2 * np.pi * (hours - 8) / 24) + 0.3 * np.sin(2 * np.pi * (hours - 18) / 12)
episode = 1 + 1.1 * np.exp(-0.5 * ((hours - 44) / 7) ** 2)
aqi = 55 * pollution_level[:, None] * diurnal[None, :] * episode[None, :]
aqi *= np.exp(rng.normal(0, 0.12, aqi.shape))

bounds = [0, 50, 100, 150, 200, 300, 400]
band_names = ["Good", "Moderate", "Unhealthy for\nsensitive groups", "Unhealthy", "Very unhealthy", "Hazardous"]
cmap = ListedColormap(["#00e400", "#ffff00", "#ff7e00", "#ff0000", "#8f3f97", "#7e0023"])
norm = BoundaryNorm(bounds, cmap.N)

fig, ax = plt.subplots(figsize=(11, 4.8))
mesh = ax.pcolormesh(
    np.arange(73), np.arange(len(stations) + 1), aqi, cmap=cmap, norm=norm, edgecolors="white", linewidth=0.2
)
ax.set_yticks(np.arange(len(stations)) + 0.5, stations)
ax.invert_yaxis()
ax.set_xticks(
    np.arange(0, 73, 6),
    [f"{['Mon', 'Tue', 'Wed', 'Thu'][h // 24]} {h % 24:02d}h" for h in range(0, 73, 6)],
    rotation=45,
    ha="right",
)
for day in (24, 48):
    ax.axvline(day, color="black", lw=1.2)
cbar = fig.colorbar(mesh, ax=ax, ticks=[25, 75, 125, 175, 250, 350], pad=0.02)
cbar.ax.set_yticklabels(band_names, fontsize=8)
cbar.set_label("US AQI band")
ax.set_title("Hourly AQI by station, Monday-Wednesday (wildfire smoke episode Tue evening)", loc="left")
fig.tight_layout()
plt.show()
