# Smith chart drawn by hand (constant-resistance and reactance circles) with an antenna's impedance sweep and VSWR circle.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle

fig, ax = plt.subplots(figsize=(7, 7))
ax.add_patch(Circle((0, 0), 1, fill=False, color="k", lw=1.2))
for r in [0.2, 0.5, 1, 2, 5]:
    ax.add_patch(Circle((r / (1 + r), 0), 1 / (1 + r), fill=False, color="0.6", lw=0.6))
    ax.text(r / (1 + r) - 1 / (1 + r) + 0.01, 0.01, f"{r:g}", fontsize=7, color="0.4", va="bottom")
t = np.linspace(0, 2 * np.pi, 400)
for x in [0.2, 0.5, 1, 2, 5]:
    for sgn in (1, -1):
        cx, cy, rad = 1, sgn / x, 1 / x
        px, py = cx + rad * np.cos(t), cy + rad * np.sin(t)
        inside = px**2 + py**2 <= 1.0001
        px, py = np.where(inside, px, np.nan), np.where(inside, py, np.nan)
        ax.plot(px, py, color="0.6", lw=0.6)
    ang = 2 * np.arctan(1 / x)
    ax.text(1.06 * np.cos(ang), 1.06 * np.sin(ang), f"+j{x:g}", fontsize=7, ha="center", va="center")
    ax.text(1.06 * np.cos(ang), -1.06 * np.sin(ang), f"−j{x:g}", fontsize=7, ha="center", va="center")
ax.plot([-1, 1], [0, 0], color="0.6", lw=0.6)

f = np.linspace(2.3, 2.6, 120)
f0 = 2.44
z = 1 + 1.8j * (f / f0 - f0 / f) * 6 + 0.15 * (f - f0) / 0.15
z = z * 0.95 + 0.1j
gamma = (z - 1) / (z + 1)
ax.plot(gamma.real, gamma.imag, color="#d62728", lw=2, label="S11, 2.30–2.60 GHz")
for fm in (2.4, 2.44, 2.48):
    k = np.argmin(abs(f - fm))
    ax.plot(gamma.real[k], gamma.imag[k], "o", color="#d62728")
    ax.annotate(f"{fm:.2f} GHz", (gamma.real[k], gamma.imag[k]), xytext=(8, 6), textcoords="offset points", fontsize=8)
vswr = 2.0
g = (vswr - 1) / (vswr + 1)
ax.add_patch(Circle((0, 0), g, fill=False, ls="--", color="#1f77b4", lw=1.2, label="VSWR 2:1"))
ax.set_aspect("equal")
ax.set_xlim(-1.15, 1.15)
ax.set_ylim(-1.15, 1.15)
ax.axis("off")
ax.legend(loc="lower left", fontsize=9)
ax.set_title("2.4 GHz patch antenna input impedance (Z0 = 50 Ω)")
fig.tight_layout()
