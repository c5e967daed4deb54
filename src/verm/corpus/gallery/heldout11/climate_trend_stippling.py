# Map of surface-temperature trend per decade with hatching where the trend is not significant, plus a zonal-mean panel
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(314)

lon = np.linspace(-180, 180, 121)
lat = np.linspace(-88, 88, 60)
LON, LAT = np.meshgrid(lon, lat)

# Smooth synthetic trend field: Arctic amplification, warmer land-like blobs, a cooling patch south of Greenland
trend = 0.18 + 0.45 * np.exp(-(((LAT - 85) / 22) ** 2)) + 0.08 * np.exp(-(((LAT + 80) / 15) ** 2))
for cx, cy, amp, w in (
    (20, 50, 0.15, 25),
    (100, 45, 0.12, 30),
    (-100, 40, 0.1, 25),
    (20, 0, 0.06, 20),
    (135, -25, 0.08, 18),
):
    trend += amp * np.exp(-(((LON - cx) / w) ** 2 + ((LAT - cy) / (w * 0.7)) ** 2))
trend -= 0.38 * np.exp(-(((LON + 38) / 14) ** 2 + ((LAT - 55) / 7) ** 2))
trend -= 0.12 * np.exp(-(((LON + 120) / 35) ** 2 + ((LAT + 5) / 8) ** 2))  # La Nina-like tongue
noise = rng.normal(0, 1, LAT.shape)
kernel = np.ones(7) / 7
noise = np.apply_along_axis(lambda r: np.convolve(r, kernel, mode="same"), 1, noise)
noise = np.apply_along_axis(lambda c: np.convolve(c, kernel, mode="same"), 0, noise)
trend += 0.12 * noise
stderr = 0.06 + 0.05 * np.abs(LAT) / 90 + 0.04 * np.exp(-((LAT / 12) ** 2))
significant = np.abs(trend) > 2 * stderr

fig, (ax, axz) = plt.subplots(
    1, 2, figsize=(12, 5.2), gridspec_kw={"width_ratios": [5, 1]}, sharey=True, layout="constrained"
)
levels = np.arange(-0.5, 0.81, 0.1)
cf = ax.contourf(LON, LAT, trend, levels=levels, cmap="RdBu_r", extend="both")
ax.contour(LON, LAT, trend, levels=[0], colors="k", linewidths=0.8)
ax.contourf(LON, LAT, (~significant).astype(float), levels=[0.5, 1.5], colors="none", hatches=["///"])
ax.set_xlim(-180, 180)
ax.set_ylim(-88, 88)
ax.set_xticks(np.arange(-180, 181, 60))
ax.set_yticks(np.arange(-60, 61, 30))
ax.xaxis.set_major_formatter(lambda v, _: "0°" if v == 0 else f"{abs(v):.0f}°{'E' if v > 0 else 'W'}")
ax.yaxis.set_major_formatter(lambda v, _: "EQ" if v == 0 else f"{abs(v):.0f}°{'N' if v > 0 else 'S'}")
ax.set_title("Linear trend of annual-mean surface air temperature, 1979-2023", loc="left")
ax.text(-175, -82, "hatched: not significant at 95%", fontsize=8, bbox={"fc": "white", "ec": "none", "alpha": 0.8})
cb = fig.colorbar(cf, ax=ax, orientation="horizontal", shrink=0.7, pad=0.02, aspect=40)
cb.set_label("K per decade")

zonal = trend.mean(axis=1)
zonal_err = stderr.mean(axis=1)
axz.fill_betweenx(lat, zonal - 2 * zonal_err, zonal + 2 * zonal_err, color="#fdae61", alpha=0.5, lw=0)
axz.plot(zonal, lat, color="#b2182b", lw=2)
axz.axvline(0, color="k", lw=0.8)
axz.set_xlabel("K / decade")
axz.set_title("Zonal mean", loc="left")
axz.grid(alpha=0.3)
