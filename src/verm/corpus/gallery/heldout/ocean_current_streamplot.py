# Velocity field of a double-gyre flow: a streamplot coloured by speed with a colorbar, and a quiver panel of the same field beside it.
import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(0, 2, 60)
y = np.linspace(0, 1, 30)
X, Y = np.meshgrid(x, y)
A, eps, omega, t = 0.1, 0.25, 2 * np.pi / 10, 2.5
a = eps * np.sin(omega * t)
b = 1 - 2 * eps * np.sin(omega * t)
f = a * X**2 + b * X
dfdx = 2 * a * X + b
U = -np.pi * A * np.sin(np.pi * f) * np.cos(np.pi * Y)
V = np.pi * A * np.cos(np.pi * f) * np.sin(np.pi * Y) * dfdx
speed = np.hypot(U, V)

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 3.8), layout="constrained")
strm = ax1.streamplot(X, Y, U, V, color=speed, cmap="plasma", density=1.1, linewidth=1)
fig.colorbar(strm.lines, ax=ax1, label="Speed (m/s)")
ax1.set_title("Streamlines")
ax1.set_aspect("equal")

step = 3
q = ax2.quiver(
    X[::step, ::step],
    Y[::step, ::step],
    U[::step, ::step],
    V[::step, ::step],
    speed[::step, ::step],
    cmap="plasma",
    scale=4,
    width=0.004,
)
ax2.quiverkey(q, 0.85, 1.05, 0.2, "0.2 m/s", labelpos="E")
ax2.set_title("Velocity vectors", loc="left")
ax2.set_aspect("equal")
for ax in (ax1, ax2):
    ax.set_xlim(0, 2)
    ax.set_ylim(0, 1)
    ax.set_xlabel("x (100 km)")
ax1.set_ylabel("y (100 km)")
fig.suptitle("Double-gyre ocean model at t = 2.5 days")
plt.show()
