# Mohr's circle for a plane-stress element, with principal stresses, maximum shear and the rotated stress state marked.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Arc, Circle

plt.rcParams.update({"font.family": "serif", "mathtext.fontset": "dejavuserif", "font.size": 11})

sx, sy, txy = 80.0, -20.0, 35.0  # MPa
centre = (sx + sy) / 2
radius = np.hypot((sx - sy) / 2, txy)
s1, s2 = centre + radius, centre - radius
theta_p = 0.5 * np.degrees(np.arctan2(2 * txy, sx - sy))

fig, ax = plt.subplots(figsize=(7, 6.2))
ax.add_patch(Circle((centre, 0), radius, fill=False, lw=2, color="#1f4e79"))
ax.axhline(0, color="k", lw=0.8)
ax.axvline(0, color="k", lw=0.8)

# stress points X (sx, txy) and Y (sy, -txy), shear plotted positive downwards convention
ax.plot([sx, sy], [txy, -txy], "o-", color="#c0392b", ms=7, lw=1.5)
ax.annotate(r"X $(\sigma_x, \tau_{xy})$", (sx, txy), xytext=(8, 8), textcoords="offset points", color="#c0392b")
ax.annotate(r"Y $(\sigma_y, -\tau_{xy})$", (sy, -txy), xytext=(-30, -20), textcoords="offset points", color="#c0392b")

# principal stresses and max shear
ax.plot([s1, s2], [0, 0], "s", color="#1f4e79", ms=7)
ax.annotate(rf"$\sigma_1$ = {s1:.1f}", (s1, 0), xytext=(6, -16), textcoords="offset points")
ax.annotate(rf"$\sigma_2$ = {s2:.1f}", (s2, 0), xytext=(-62, -16), textcoords="offset points")
ax.plot([centre, centre], [0, radius], ls="--", color="gray")
ax.plot(centre, radius, "^", color="#27ae60", ms=8)
ax.annotate(
    rf"$\tau_{{max}}$ = {radius:.1f}", (centre, radius), xytext=(8, 4), textcoords="offset points", color="#27ae60"
)
ax.plot(centre, 0, "k+", ms=10)
ax.annotate(f"C = {centre:.0f}", (centre, 0), xytext=(4, 6), textcoords="offset points", fontsize=9)

# angle 2*theta_p between CX and the sigma axis
ax.add_patch(Arc((centre, 0), 30, 30, theta1=0, theta2=2 * theta_p, color="#8e44ad", lw=1.5))
ax.text(centre + 17, 6, rf"$2\theta_p$ = {2 * theta_p:.1f}°", color="#8e44ad", fontsize=10)

# a rotated element at 30 degrees
ang = np.arctan2(txy, sx - centre) - np.radians(60)
px, py = centre + radius * np.cos(ang), radius * np.sin(ang)
ax.plot([centre, px], [0, py], ":", color="#e67e22")
ax.plot(px, py, "D", color="#e67e22", ms=6, label=r"element rotated $\theta$ = 30°")

ax.set_aspect("equal")
ax.set_xlim(s2 - 25, s1 + 25)
ax.set_ylim(-radius - 20, radius + 20)
ax.invert_yaxis()
ax.set_xlabel(r"Normal stress $\sigma$ (MPa)")
ax.set_ylabel(r"Shear stress $\tau$ (MPa), positive down")
ax.set_title("Mohr's circle, plane stress")
ax.legend(loc="lower right", frameon=False, fontsize=9)
ax.grid(alpha=0.3)
fig.tight_layout()
