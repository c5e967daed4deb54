# Lorenz attractor integrated with RK4: a 3D trajectory coloured by time beside its x-z and x-y projections
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import Normalize

plt.style.use("dark_background")
sigma, rho, beta = 10.0, 28.0, 8.0 / 3.0


def f(s):
    x, y, z = s
    return np.array([sigma * (y - x), x * (rho - z) - y, x * y - beta * z])


dt, n = 0.01, 6000
s = np.empty((n, 3))
s[0] = (1.0, 1.0, 1.0)
for i in range(n - 1):
    k1 = f(s[i])
    k2 = f(s[i] + dt / 2 * k1)
    k3 = f(s[i] + dt / 2 * k2)
    k4 = f(s[i] + dt * k3)
    s[i + 1] = s[i] + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)

fig = plt.figure(figsize=(11, 5.2))
gs = fig.add_gridspec(2, 2, width_ratios=[1.6, 1])
ax3 = fig.add_subplot(gs[:, 0], projection="3d")
# colour by time: draw the orbit in chunks, one colour each
cmap = plt.get_cmap("plasma")
norm = Normalize(0, n * dt)
chunk = 150
for i0 in range(0, n - 1, chunk):
    seg = s[i0 : i0 + chunk + 1]
    ax3.plot(seg[:, 0], seg[:, 1], seg[:, 2], color=cmap(norm(i0 * dt)), lw=0.6)
ax3.set_xlim(-20, 20)
ax3.set_ylim(-28, 28)
ax3.set_zlim(0, 50)
ax3.set_xlabel("x")
ax3.set_ylabel("y")
ax3.set_zlabel("z")
ax3.view_init(elev=22, azim=-55)
for pane in (ax3.xaxis.pane, ax3.yaxis.pane, ax3.zaxis.pane):
    pane.set_facecolor((0.1, 0.1, 0.12, 1))
ax3.set_title(r"$\sigma=10,\ \rho=28,\ \beta=8/3$", fontsize=11)
cb = fig.colorbar(plt.cm.ScalarMappable(norm=norm, cmap=cmap), ax=ax3, shrink=0.6, pad=0.13)
cb.set_label("time")

ax_xz = fig.add_subplot(gs[0, 1])
ax_xz.plot(s[:, 0], s[:, 2], lw=0.3, color="#f9c74f")
ax_xz.plot(s[0, 0], s[0, 2], "o", color="w", ms=4)
ax_xz.set_xlabel("x")
ax_xz.set_ylabel("z")
ax_xy = fig.add_subplot(gs[1, 1])
ax_xy.plot(s[:, 0], s[:, 1], lw=0.3, color="#90e0ef")
fp = np.sqrt(beta * (rho - 1))
ax_xy.plot([fp, -fp], [fp, -fp], "x", color="r", ms=8, label="fixed points $C^\\pm$")
ax_xy.set_xlabel("x")
ax_xy.set_ylabel("y")
ax_xy.legend(loc="upper left", fontsize=8)
fig.suptitle("The Lorenz system", fontsize=14)
fig.subplots_adjust(left=0.02, right=0.97, wspace=0.25, hspace=0.35)
