# Filled contour of a 2-D loss surface with labelled contour lines and the paths of SGD and momentum.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LogNorm

x = np.linspace(-2.2, 2.2, 160)
y = np.linspace(-1.4, 2.6, 140)
X, Y = np.meshgrid(x, y)


def loss(a, b):
    return (1 - a) ** 2 + 6 * (b - a**2) ** 2 + 0.3 * np.sin(3 * a) + 0.4


def grad(a, b):
    da = -2 * (1 - a) - 24 * a * (b - a**2) + 0.9 * np.cos(3 * a)
    db = 12 * (b - a**2)
    return np.array([da, db])


def descend(lr, beta, steps=120):
    p, v = np.array([-1.6, 2.2]), np.zeros(2)
    path = [p.copy()]
    for _ in range(steps):
        v = beta * v + grad(*p)
        p = p - lr * v
        path.append(p.copy())
    return np.array(path)


Z = loss(X, Y)
fig, ax = plt.subplots(figsize=(7.5, 5.5))
levels = np.logspace(np.log10(0.25), 2.2, 18)
cf = ax.contourf(X, Y, Z, levels=levels, cmap="magma_r", norm=LogNorm(), extend="both")
cs = ax.contour(X, Y, Z, levels=levels[::3], colors="k", linewidths=0.6)
ax.clabel(cs, fmt="%.1f", fontsize=8)
fig.colorbar(cf, ax=ax, label="Loss (log scale)", format="%.1f")

for lr, beta, name, color in [(0.012, 0.0, "SGD", "cyan"), (0.006, 0.85, "Momentum 0.85", "lime")]:
    path = descend(lr, beta)
    ax.plot(path[:, 0], path[:, 1], "-o", color=color, ms=2.5, lw=1.2, label=name)
ax.plot([-1.6], [2.2], marker="*", color="white", ms=14, mec="k", label="Start")
ax.set_xlabel(r"$\theta_1$")
ax.set_ylabel(r"$\theta_2$")
ax.set_title("Optimiser trajectories on a curved valley")
ax.legend(loc="lower right", fontsize=9)
fig.tight_layout()
plt.show()
