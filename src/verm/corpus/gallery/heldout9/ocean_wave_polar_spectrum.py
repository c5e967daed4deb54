# Directional ocean wave energy spectrum on polar axes: filled contours over frequency and direction
import matplotlib.pyplot as plt
import numpy as np

theta = np.linspace(0, 2 * np.pi, 145)
freq = np.linspace(0.04, 0.35, 80)
TH, F = np.meshgrid(theta, freq)


def jonswap(f, fp, hs):
    sigma = np.where(f <= fp, 0.07, 0.09)
    g = 3.3 ** np.exp(-((f - fp) ** 2) / (2 * sigma**2 * fp**2))
    return hs**2 * fp**4 / f**5 * np.exp(-1.25 * (fp / f) ** 4) * g


def spread(th, mean_dir, s):
    return np.cos((th - mean_dir) / 2) ** (2 * s)


swell = 0.9 * jonswap(F, 0.075, 2.2) * spread(TH, np.deg2rad(250), 24)
sea = 0.6 * jonswap(F, 0.17, 1.4) * spread(TH, np.deg2rad(200), 6)
E = swell + sea
E = E / E.max()

fig = plt.figure(figsize=(6.6, 6.2))
ax = fig.add_subplot(projection="polar")
ax.set_theta_zero_location("N")
ax.set_theta_direction(-1)
levels = [0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.7, 0.9]
cf = ax.contourf(TH, F, E, levels=levels, cmap="YlGnBu", extend="max")
ax.contour(TH, F, E, levels=levels, colors="k", linewidths=0.4, alpha=0.5)
ax.set_rlim(0, 0.3)
ax.set_rticks([0.05, 0.1, 0.15, 0.2, 0.25])
ax.set_yticklabels(["20 s", "10 s", "6.7 s", "5 s", "4 s"], fontsize=7, color="0.3")
ax.set_rlabel_position(100)
ax.set_xticks(np.deg2rad(np.arange(0, 360, 45)))
ax.set_xticklabels(["N", "NE", "E", "SE", "S", "SW", "W", "NW"])
ax.annotate(
    "swell\n250°, 13 s",
    xy=(np.deg2rad(250), 0.075),
    xytext=(np.deg2rad(300), 0.22),
    arrowprops={"arrowstyle": "->"},
    fontsize=8,
    ha="center",
)
ax.annotate(
    "wind sea\n200°, 6 s",
    xy=(np.deg2rad(200), 0.17),
    xytext=(np.deg2rad(150), 0.27),
    arrowprops={"arrowstyle": "->"},
    fontsize=8,
    ha="center",
)
cb = fig.colorbar(cf, ax=ax, shrink=0.7, pad=0.1)
cb.set_label("normalised energy density E(f, θ)")
ax.set_title(
    "Buoy 46042 directional spectrum, 14:00 UTC\n(direction waves come from; radius = frequency)", fontsize=10, pad=18
)
fig.tight_layout()
