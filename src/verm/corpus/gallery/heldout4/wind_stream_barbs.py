# Two views of a synthetic surface wind field around a low: streamlines whose width and colour follow wind speed, and station wind barbs in knots over sea-level pressure contours
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("classic")
plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9})

x = np.linspace(-10, 10, 60)
y = np.linspace(-8, 8, 48)
X, Y = np.meshgrid(x, y)
r2 = (X + 1) ** 2 + (Y - 0.5) ** 2
pressure = 1012 - 22 * np.exp(-r2 / 30) + 0.25 * Y
swirl = 14 * np.exp(-r2 / 40)
U = -swirl * (Y - 0.5) / 5 - 0.3 * (X + 1) * np.exp(-r2 / 40) + 4
V = swirl * (X + 1) / 5 - 0.3 * (Y - 0.5) * np.exp(-r2 / 40)
speed = np.hypot(U, V)

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(13, 5.6), sharey=True)
strm = ax1.streamplot(
    X,
    Y,
    U,
    V,
    color=speed,
    linewidth=0.4 + 2.2 * speed / speed.max(),
    cmap="YlGnBu",
    density=1.4,
    arrowsize=0.9,
    broken_streamlines=False,
)
fig.colorbar(strm.lines, ax=ax1, label="wind speed (m/s)", shrink=0.85)
ax1.plot(-1, 0.5, "x", color="red", ms=12, mew=3)
ax1.text(-0.6, 1.1, "L", color="red", fontsize=18, fontweight="bold")
ax1.set_title("Streamlines (width and colour: speed)")
ax1.set_xlabel("x (100 km)")
ax1.set_ylabel("y (100 km)")
ax1.set_xlim(-10, 10)
ax1.set_ylim(-8, 8)

cs = ax2.contour(X, Y, pressure, levels=np.arange(990, 1016, 3), colors="0.35", linewidths=0.9)
ax2.clabel(cs, fmt="%d", fontsize=8)
s = (slice(2, None, 5), slice(2, None, 5))
knots = 1.944
ax2.barbs(
    X[s],
    Y[s],
    U[s] * knots,
    V[s] * knots,
    speed[s],
    cmap="autumn_r",
    length=6,
    linewidth=1.1,
    barb_increments=dict(half=5, full=10, flag=50),
)
ax2.set_title("Station barbs (kt) over sea-level pressure (hPa)")
ax2.set_xlabel("x (100 km)")
ax2.set_xlim(-10, 10)
fig.suptitle("Mid-latitude cyclone, 12 UTC analysis", fontsize=13, fontweight="bold")
fig.subplots_adjust(left=0.05, right=0.98, wspace=0.08, top=0.88, bottom=0.1)
