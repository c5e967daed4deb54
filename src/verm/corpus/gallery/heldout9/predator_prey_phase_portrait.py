# Phase portrait of the Lotka-Volterra predator-prey model with direction field, nullclines and trajectories
import matplotlib.pyplot as plt
import numpy as np

a, b, c, d = 1.1, 0.4, 0.4, 0.1


def field(x, y):
    return a * x - b * x * y, d * x * y - c * y


def rk4(x0, y0, dt=0.01, n=2600):
    out = np.empty((n, 2))
    p = np.array([x0, y0], dtype=float)
    for i in range(n):
        out[i] = p
        k1 = np.array(field(*p))
        k2 = np.array(field(*(p + dt / 2 * k1)))
        k3 = np.array(field(*(p + dt / 2 * k2)))
        k4 = np.array(field(*(p + dt * k3)))
        p = p + dt / 6 * (k1 + 2 * k2 + 2 * k3 + k4)
    return out


X, Y = np.meshgrid(np.linspace(0.2, 14, 22), np.linspace(0.2, 8, 18))
U, V = field(X, Y)
speed = np.hypot(U, V)

plt.rcParams.update({"font.family": "DejaVu Serif", "mathtext.fontset": "dejavuserif"})
fig, ax = plt.subplots(figsize=(7.5, 5.6))
ax.quiver(X, Y, U / speed, V / speed, speed, cmap="Greys", scale=32, width=0.0028, alpha=0.8)
ax.axvline(c / d, color="#1b9e77", lw=1.6, ls="--", label=r"$\dot y = 0$: $x = c/d$")
ax.axhline(a / b, color="#d95f02", lw=1.6, ls="--", label=r"$\dot x = 0$: $y = a/b$")
for y0, col in zip([0.5, 1.1, 1.7, 2.3], ["#7570b3", "#e7298a", "#66a61e", "#e6ab02"]):
    tr = rk4(c / d, y0)
    ax.plot(tr[:, 0], tr[:, 1], color=col, lw=1.8)
    ax.plot(*tr[0], "o", color=col, ms=5)
    i = 120
    ax.annotate("", xy=tr[i + 5], xytext=tr[i], arrowprops={"arrowstyle": "-|>", "color": col, "lw": 1.5})
ax.plot(c / d, a / b, "k*", ms=12, label="coexistence equilibrium")
ax.set_xlim(0, 14)
ax.set_ylim(0, 8)
ax.set_xlabel(r"prey $x$ (hares, thousands)")
ax.set_ylabel(r"predators $y$ (lynx, thousands)")
ax.set_title(r"$\dot x = ax - bxy,\ \ \dot y = dxy - cy$", fontsize=12)
ax.legend(loc="upper right", fontsize=8, framealpha=0.95)
fig.tight_layout()
