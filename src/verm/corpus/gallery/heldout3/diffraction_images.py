# Two image panels with colorbars: a double-slit diffraction pattern via imshow with a LogNorm, and a pcolormesh of a residual map with a diverging cmap and extend='both'
import matplotlib.pyplot as plt
import numpy as np
from matplotlib import colors

rng = np.random.default_rng(8)

# --- Fraunhofer pattern of a double slit (intensity on a screen)
x = np.linspace(-6, 6, 400)
y = np.linspace(-4, 4, 260)
X, Y = np.meshgrid(x, y)
single = np.sinc(0.8 * X) ** 2 * np.sinc(0.35 * Y) ** 2
intensity = single * np.cos(np.pi * 2.2 * X) ** 2 + 1e-5
intensity *= rng.poisson(4000, intensity.shape) / 4000

# --- residuals of a model fit on an irregular grid
lon = np.linspace(-30, 30, 41)
lat = np.sort(np.concatenate([np.linspace(-60, 60, 25), [-5, -2.5, 2.5, 5]]))
LON, LAT = np.meshgrid(lon, lat)
resid = 1.6 * np.exp(-((LON - 10) ** 2 + (LAT - 20) ** 2) / 200) - 1.9 * np.exp(
    -((LON + 12) ** 2 + (LAT + 25) ** 2) / 300
)
resid += 0.25 * rng.normal(size=resid.shape)

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.3), layout="constrained")
im = ax1.imshow(
    intensity,
    extent=(x[0], x[-1], y[0], y[-1]),
    origin="lower",
    cmap="inferno",
    norm=colors.LogNorm(vmin=1e-4, vmax=1),
    interpolation="nearest",
)
cb1 = fig.colorbar(im, ax=ax1, shrink=0.9)
cb1.set_label("relative intensity")
ax1.set_xlabel("screen x (mm)")
ax1.set_ylabel("screen y (mm)")
ax1.set_title("Double slit, λ = 633 nm")

pm = ax2.pcolormesh(LON, LAT, resid, cmap="RdBu_r", vmin=-2, vmax=2, shading="nearest", edgecolors="face")
cb2 = fig.colorbar(pm, ax=ax2, extend="both", ticks=[-2, -1, 0, 1, 2])
cb2.set_label("observed - model (K)")
ax2.set_xlabel("longitude (°E)")
ax2.set_ylabel("latitude (°N)")
ax2.set_title("Fit residuals")
ax2.contour(LON, LAT, resid, levels=[-1, 1], colors="k", linewidths=0.7)
fig.suptitle("Imaging diagnostics", fontweight="bold")
