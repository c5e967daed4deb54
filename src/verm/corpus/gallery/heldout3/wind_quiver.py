# Surface wind vectors (quiver with a quiverkey) over filled sea-level pressure contours around a low, with labelled isobars and a colorbar
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(17)

lon = np.linspace(-20, 10, 31)
lat = np.linspace(40, 65, 26)
LON, LAT = np.meshgrid(lon, lat)
# a deep low west of the British Isles and a high to the south
p = (
    1013
    - 32 * np.exp(-(((LON + 8) / 7) ** 2 + ((LAT - 56) / 5) ** 2))
    + 14 * np.exp(-(((LON + 2) / 12) ** 2 + ((LAT - 42) / 6) ** 2))
)
# geostrophic-ish wind: rotate the pressure gradient by 90 degrees (and a little inward for friction)
dpdy, dpdx = np.gradient(p, lat, lon)
u = -dpdy * 1.6 - 0.25 * dpdx * 1.6
v = dpdx * 1.6 - 0.25 * dpdy * 1.6
u += rng.normal(0, 0.4, u.shape)
v += rng.normal(0, 0.4, v.shape)

fig, ax = plt.subplots(figsize=(6.8, 7.2))
cf = ax.contourf(LON, LAT, p, levels=np.arange(980, 1032, 4), cmap="RdYlBu_r", alpha=0.85)
cs = ax.contour(LON, LAT, p, levels=np.arange(980, 1032, 8), colors="k", linewidths=0.6)
ax.clabel(cs, fmt="%d", fontsize=7)
step = (slice(None, None, 2), slice(None, None, 2))
q = ax.quiver(LON[step], LAT[step], u[step], v[step], color="k", scale=110, width=0.004, pivot="mid")
ax.quiverkey(q, X=0.8, Y=0.04, U=5, label="5 m/s", labelpos="E", coordinates="axes", fontproperties={"size": 8})
ax.plot(-8, 56, marker="$L$", ms=16, color="darkred")
ax.plot(-2, 42.5, marker="$H$", ms=16, color="navy")
cb = fig.colorbar(cf, ax=ax, orientation="horizontal", pad=0.09, aspect=40, shrink=0.85)
cb.set_label("mean sea-level pressure (hPa)")
ax.set_xlabel("longitude (°E)")
ax.set_ylabel("latitude (°N)")
ax.set_aspect(1 / np.cos(np.deg2rad(52)))
ax.set_title("Analysis 12 UTC: MSLP and 10 m wind", loc="left")
fig.tight_layout()
