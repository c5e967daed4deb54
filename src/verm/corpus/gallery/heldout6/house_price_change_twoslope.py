# Scatter map of year-on-year house price change by town on a TwoSlopeNorm diverging scale, colorbar with custom percent ticks and stroked labels
import matplotlib.patheffects as pe
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import TwoSlopeNorm

plt.style.use("seaborn-v0_8-white")

rng = np.random.default_rng(58)
lon = rng.uniform(-3.2, 1.6, 140)
lat = rng.uniform(51.0, 53.6, 140)
change = 8 * np.exp(-((lon + 0.1) ** 2 + (lat - 51.5) ** 2) / 1.2) - 0.5 - 1.2 * (lat - 52) + rng.normal(0, 1.0, 140)
population = rng.lognormal(9.5, 0.9, 140)

fig, ax = plt.subplots(figsize=(8.5, 6.5))
ax.grid(True, color="0.9", lw=0.6)
norm = TwoSlopeNorm(vmin=-4, vcenter=0, vmax=8)
sc = ax.scatter(
    lon, lat, c=change, s=np.sqrt(population) / 2.5, cmap="RdBu_r", norm=norm, edgecolor="0.2", linewidth=0.4, alpha=0.9
)
cities = {
    "Bristol": (-2.59, 51.45),
    "Birmingham": (-1.89, 52.48),
    "London": (-0.12, 51.51),
    "Norwich": (1.29, 52.63),
    "Nottingham": (-1.15, 52.95),
    "Oxford": (-1.26, 51.75),
}
for name, (x, y) in cities.items():
    ax.plot(x, y, marker="*", color="black", ms=11, mec="white", mew=0.8)
    ax.text(
        x + 0.06,
        y + 0.05,
        name,
        fontsize=10,
        fontweight="bold",
        path_effects=[pe.withStroke(linewidth=3, foreground="white")],
    )
cbar = fig.colorbar(sc, ax=ax, extend="both", shrink=0.85)
cbar.set_ticks([-4, -2, 0, 2, 4, 6, 8])
cbar.set_ticklabels(["−4%", "−2%", "no change", "+2%", "+4%", "+6%", "+8%"])
cbar.set_label("Change in median sale price, year on year")
ax.set_xlim(-3.2, 1.6)
ax.set_ylim(51.0, 53.6)
ax.set_xlabel("Longitude")
ax.set_ylabel("Latitude")
ax.set_aspect(1.6)
ax.set_title("House prices: the south-east pulls ahead (marker area = population)", loc="left")
fig.tight_layout()
plt.show()
