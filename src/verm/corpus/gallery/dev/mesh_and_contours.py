"""The same 2-D field drawn three ways: pcolormesh, filled contours with line contours, and contour labels."""

import matplotlib.pyplot as plt
import numpy as np

x = np.linspace(-3, 3, 80)
y = np.linspace(-2, 2, 60)
X, Y = np.meshgrid(x, y)
Z = (1 - X / 2 + X**5 + Y**3) * np.exp(-(X**2) - Y**2)

fig, axs = plt.subplots(1, 3, figsize=(12, 3.8), layout="constrained")
pc = axs[0].pcolormesh(X, Y, Z, cmap="RdBu_r", shading="auto", vmin=-1, vmax=1)
fig.colorbar(pc, ax=axs[0], label="z")
axs[0].set_title("pcolormesh")

cf = axs[1].contourf(X, Y, Z, levels=12, cmap="viridis")
axs[1].contour(X, Y, Z, levels=12, colors="k", linewidths=0.5)
fig.colorbar(cf, ax=axs[1], orientation="horizontal", fraction=0.06)
axs[1].set_title("contourf + contour")

cs = axs[2].contour(X, Y, Z, levels=[-0.6, -0.3, 0, 0.3, 0.6], cmap="coolwarm")
axs[2].clabel(cs, inline=True, fontsize=8, fmt="%.1f")
axs[2].set_title("labelled contours")
for ax in axs:
    ax.set_xlabel("x")
    ax.set_aspect("equal")
axs[0].set_ylabel("y")
fig.suptitle("A two-dimensional field", fontsize=14)
plt.show()
