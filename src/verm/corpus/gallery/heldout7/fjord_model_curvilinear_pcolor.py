# Surface salinity of a fjord model on a stretched curvilinear grid drawn with pcolor, with an inset colorbar
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-paper")

# grid: along-fjord index i, across-fjord index j; cells get finer towards the head of the fjord
s = np.linspace(0, 1, 26) ** 1.6
t = np.linspace(-1, 1, 11)
S, T = np.meshgrid(s, t)
centre_x = 60 * S
centre_y = 8 * np.sin(2.6 * S) + 4 * S
half_width = 3.5 - 2.4 * S
heading = np.arctan2(np.gradient(centre_y, axis=1), np.gradient(centre_x, axis=1))
X = centre_x - T * half_width * np.sin(heading)
Y = centre_y + T * half_width * np.cos(heading)

# salinity: fresh river water at the head (x ~ 60 km), salty at the mouth; a plume hugs the right bank
sc = 0.5 * (S[:-1, :-1] + S[1:, 1:])
tc = 0.5 * (T[:-1, :-1] + T[1:, 1:])
salinity = 33.5 - 22 * sc**2.2 - 3.5 * np.exp(-((tc + 0.7) ** 2) / 0.15) * sc

fig, ax = plt.subplots(figsize=(9, 4.8))
mesh = ax.pcolor(X, Y, salinity, cmap="viridis", edgecolors="0.3", linewidth=0.25, vmin=10, vmax=34)
ax.plot(X[0], Y[0], color="k", lw=1.2)
ax.plot(X[-1], Y[-1], color="k", lw=1.2)
ax.annotate(
    "river inflow\n180 m³/s",
    xy=(X[5, -1], Y[5, -1]),
    xytext=(50, 18),
    arrowprops=dict(arrowstyle="->", color="k"),
    fontsize=9,
    ha="center",
)
ax.annotate("open sea", xy=(0, Y[5, 0]), xytext=(4, -8), fontsize=9, arrowprops=dict(arrowstyle="->", color="k"))
ax.set_aspect("equal")
ax.set_xlabel("Distance east (km)")
ax.set_ylabel("Distance north (km)")
ax.set_title("Modelled surface salinity, spring freshet (day 142)")
cax = ax.inset_axes([0.05, 0.86, 0.35, 0.05])
cb = fig.colorbar(mesh, cax=cax, orientation="horizontal")
cb.set_label("Salinity (PSU)", fontsize=8)
cb.ax.tick_params(labelsize=7)
ax.set_ylim(-12, 24)
fig.tight_layout()
