"""A vector field drawn with quiver, arrows coloured by magnitude, a quiver key and the field's source marked."""

import matplotlib.pyplot as plt
import numpy as np

X, Y = np.meshgrid(np.arange(0, 2 * np.pi, 0.3), np.arange(0, 2 * np.pi, 0.3))
U = np.cos(X)
V = np.sin(Y)
M = np.hypot(U, V)

fig, ax = plt.subplots(figsize=(6.5, 6))
Q = ax.quiver(X, Y, U, V, M, units="x", pivot="tip", width=0.022, scale=1 / 0.25, cmap="cividis")
qk = ax.quiverkey(Q, 0.9, 0.9, 1, r"$1 \frac{m}{s}$", labelpos="E", coordinates="figure")
ax.scatter(X[::3, ::3], Y[::3, ::3], color="0.5", s=5)
ax.plot(np.pi / 2, 3 * np.pi / 2, "r*", markersize=14)
ax.set_title("pivot='tip'; scales with x view")
ax.set_xlabel("x (m)")
ax.set_ylabel("y (m)")
fig.colorbar(Q, ax=ax, label="speed (m/s)")
plt.show()
