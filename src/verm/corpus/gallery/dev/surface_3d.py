"""A 3D surface with a colormap, its contour projected on the floor, and a colorbar."""

import matplotlib.pyplot as plt
import numpy as np

X = np.arange(-5, 5, 0.4)
Y = np.arange(-5, 5, 0.4)
X, Y = np.meshgrid(X, Y)
R = np.sqrt(X**2 + Y**2)
Z = np.sin(R)

fig = plt.figure(figsize=(7, 5.5))
ax = fig.add_subplot(projection="3d")
surf = ax.plot_surface(X, Y, Z, cmap="coolwarm", linewidth=0, antialiased=False, rstride=1, cstride=1)
ax.contour(X, Y, Z, zdir="z", offset=-1.6, cmap="coolwarm", levels=8)
ax.set_zlim(-1.6, 1.01)
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.set_zlabel("sin(r)")
ax.view_init(elev=28, azim=-60)
fig.colorbar(surf, shrink=0.5, aspect=10, pad=0.1)
ax.set_title("Ripple surface")
plt.show()
