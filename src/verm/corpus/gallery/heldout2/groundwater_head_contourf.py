# Groundwater head around two pumping wells as filled contours with labelled contour lines and well markers
import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(0, 2000, 201)
y = np.linspace(0, 1500, 151)
X, Y = np.meshgrid(x, y)

# regional gradient plus Theis-like drawdown cones (log of distance)
head = 120 - 0.01 * X
wells = [(700, 800, 4.0, "PW-1"), (1400, 500, 2.5, "PW-2")]
for wx, wy, strength, _ in wells:
    r = np.sqrt((X - wx) ** 2 + (Y - wy) ** 2) + 5
    head -= strength * np.log(1500 / r).clip(min=0)

fig, ax = plt.subplots(figsize=(8, 5.5), layout="constrained")
levels = np.arange(90, 122, 2)
cf = ax.contourf(X, Y, head, levels=levels, cmap="Blues")
cs = ax.contour(X, Y, head, levels=levels[::2], colors="k", linewidths=0.6)
ax.clabel(cs, fmt="%d m", fontsize=8)
for wx, wy, _, name in wells:
    ax.plot(wx, wy, "v", color="red", markersize=9, markeredgecolor="black")
    ax.text(wx + 40, wy + 40, name, fontsize=9, fontweight="bold")
cbar = fig.colorbar(cf, ax=ax)
cbar.set_label("Hydraulic head (m a.s.l.)")
ax.set_aspect("equal")
ax.set_xlabel("Easting (m)")
ax.set_ylabel("Northing (m)")
ax.set_title("Simulated steady-state head, wells pumping")
plt.show()
