# Gridded sea-surface temperature over a North Atlantic box as an image with lon/lat extent and a colorbar
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(31)
lon = np.linspace(-80, -10, 140)
lat = np.linspace(20, 65, 90)
LON, LAT = np.meshgrid(lon, lat)

# warm south, cold north, plus a meandering Gulf-Stream-like front and some eddies
sst = 28 - 0.45 * (LAT - 20)
sst += 4 * np.exp(-(((LAT - (38 + 4 * np.sin((LON + 70) / 8))) / 3) ** 2)) / (1 + np.exp((LON + 35) / 4))
for _ in range(12):
    cx, cy = rng.uniform(-75, -20), rng.uniform(25, 60)
    sst += rng.normal(0, 1.2) * np.exp(-((LON - cx) ** 2 + (LAT - cy) ** 2) / 12)

fig, ax = plt.subplots(figsize=(9, 5.5))
im = ax.imshow(
    sst, origin="lower", extent=[lon[0], lon[-1], lat[0], lat[-1]], cmap="RdYlBu_r", aspect="auto", vmin=0, vmax=30
)
cb = fig.colorbar(im, ax=ax, pad=0.02, extend="both")
cb.set_label("SST (°C)")
ax.set_xlabel("Longitude (°E)")
ax.set_ylabel("Latitude (°N)")
ax.set_title("Sea-surface temperature, 15 March (synthetic analysis)")
ax.plot(-70.7, 41.5, marker="*", color="black", markersize=12)
ax.annotate("Woods Hole", (-70.7, 41.5), xytext=(6, 6), textcoords="offset points", fontsize=9)
fig.tight_layout()
plt.show()
