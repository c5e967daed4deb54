# Electric field of a charge dipole as a quiver plot with a quiverkey over equipotential contours, on a dark background
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("dark_background")

charges = [(-1.0, 0.0, 1.0), (1.0, 0.0, -1.0)]  # (x, y, q)
x = np.linspace(-3, 3, 25)
y = np.linspace(-2.25, 2.25, 19)
X, Y = np.meshgrid(x, y)
Ex = np.zeros_like(X)
Ey = np.zeros_like(X)
V = np.zeros_like(X)
xf, yf = np.meshgrid(np.linspace(-3, 3, 200), np.linspace(-2.25, 2.25, 150))
Vf = np.zeros_like(xf)
for cx, cy, q in charges:
    dx, dy = X - cx, Y - cy
    r2 = np.maximum(dx**2 + dy**2, 0.04)
    Ex += q * dx / r2**1.5
    Ey += q * dy / r2**1.5
    Vf += q / np.sqrt(np.maximum((xf - cx) ** 2 + (yf - cy) ** 2, 0.01))
mag = np.hypot(Ex, Ey)
scale = np.minimum(mag, 4.0) / np.maximum(mag, 1e-9)

fig, ax = plt.subplots(figsize=(8, 6))
levels = [-4, -2, -1, -0.5, -0.25, 0, 0.25, 0.5, 1, 2, 4]
cs = ax.contour(xf, yf, Vf, levels=levels, cmap="coolwarm", linewidths=1)
ax.clabel(cs, fmt="%g", fontsize=8)
q = ax.quiver(X, Y, Ex * scale, Ey * scale, np.log10(mag), cmap="plasma", scale=60, width=0.004, pivot="mid")
ax.quiverkey(q, X=0.86, Y=1.03, U=2, label="|E| = 2 (capped at 4)", labelpos="W", coordinates="axes", color="white")
for cx, cy, qv in charges:
    ax.add_patch(plt.Circle((cx, cy), 0.14, color="#ff5555" if qv > 0 else "#55aaff", zorder=5))
    ax.text(cx, cy, "+" if qv > 0 else "−", ha="center", va="center", fontsize=14, fontweight="bold", zorder=6)
ax.set_aspect("equal")
ax.set_xlim(-3, 3)
ax.set_ylim(-2.25, 2.25)
ax.set_xlabel("x (m)")
ax.set_ylabel("y (m)")
ax.set_title("Dipole field and equipotentials", loc="left")
fig.colorbar(q, ax=ax, shrink=0.8, label="log10 |E|")
fig.tight_layout()
plt.show()
