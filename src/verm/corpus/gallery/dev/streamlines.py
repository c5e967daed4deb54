"""Streamlines of a flow field (streamplot) coloured and thickened by speed, on a dark style."""

import matplotlib.pyplot as plt
import numpy as np

plt.style.use("dark_background")
w = 3
Y, X = np.mgrid[-w:w:60j, -w:w:60j]
U = -1 - X**2 + Y
V = 1 + X - Y**2
speed = np.sqrt(U**2 + V**2)

fig, ax = plt.subplots(figsize=(6.5, 5.5))
lw = 4 * speed / speed.max()
strm = ax.streamplot(X, Y, U, V, color=speed, linewidth=lw, cmap="autumn", density=1.2)
fig.colorbar(strm.lines, ax=ax, label="speed")
ax.plot([-1, 1], [0, 1.4], "wo", markersize=6)
ax.set_title("Flow around two critical points")
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.set_xlim(-w, w)
ax.set_ylim(-w, w)
plt.show()
