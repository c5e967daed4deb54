# Ramachandran plot of protein backbone phi/psi angles as a log-scaled 2D histogram with favoured-region contours and secondary-structure labels.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import LogNorm

plt.style.use("seaborn-v0_8-ticks")

rng = np.random.default_rng(4012)
centres = [
    (-63, -43, 9, 9, 0.48),
    (-120, 130, 18, 16, 0.30),
    (-75, 145, 10, 12, 0.10),
    (62, 40, 9, 10, 0.05),
    (-90, 0, 20, 20, 0.07),
]
phi, psi = [], []
for cx, cy, sx, sy, w in centres:
    n = int(9000 * w)
    phi.append(rng.normal(cx, sx, n))
    psi.append(rng.normal(cy, sy, n))
phi = (np.concatenate(phi) + 180) % 360 - 180
psi = (np.concatenate(psi) + 180) % 360 - 180
gly_phi = rng.uniform(-180, 180, 350)
gly_psi = rng.uniform(-180, 180, 350)

fig, (ax, bx) = plt.subplots(1, 2, figsize=(11, 5.2), gridspec_kw={"width_ratios": [1.15, 1]})
h = ax.hist2d(phi, psi, bins=90, range=[[-180, 180], [-180, 180]], cmap="magma_r", norm=LogNorm(vmin=1, vmax=200))
g = np.linspace(-180, 180, 181)
X, Y = np.meshgrid(g, g)
dens = sum(w * np.exp(-(((X - cx) / (2 * sx)) ** 2 + ((Y - cy) / (2 * sy)) ** 2)) for cx, cy, sx, sy, w in centres)
ax.contour(X, Y, dens, levels=[0.02, 0.1], colors=["#1565c0", "#1565c0"], linewidths=[0.8, 1.5], linestyles=["--", "-"])
for x, y, s in [(-63, -43, r"$\alpha_R$"), (-120, 160, r"$\beta$"), (62, 40, r"$\alpha_L$"), (-75, 110, "PPII")]:
    ax.text(x + 14, y + 12, s, fontsize=12, color="#0d47a1", fontweight="bold")
fig.colorbar(h[3], ax=ax, label="residues per bin", pad=0.02)
ax.axhline(0, color="0.5", lw=0.5)
ax.axvline(0, color="0.5", lw=0.5)
ax.set_xlim(-180, 180)
ax.set_ylim(-180, 180)
ax.set_xticks(range(-180, 181, 60))
ax.set_yticks(range(-180, 181, 60))
ax.set_aspect("equal")
ax.set_xlabel(r"$\phi$ (degrees)")
ax.set_ylabel(r"$\psi$ (degrees)")
ax.set_title("General residues (n = 9,000)", fontsize=11)

bx.scatter(gly_phi, gly_psi, s=7, color="#2e7d32", alpha=0.6, lw=0)
sub = rng.choice(phi.size, 600, replace=False)
bx.scatter(phi[sub], psi[sub], s=5, color="0.6", alpha=0.4, lw=0, label="non-Gly (subset)")
bx.scatter([], [], s=12, color="#2e7d32", label="glycine")
bx.set_xlim(-180, 180)
bx.set_ylim(-180, 180)
bx.set_xticks(range(-180, 181, 90))
bx.set_yticks(range(-180, 181, 90))
bx.set_aspect("equal")
bx.grid(True, ls=":", lw=0.6)
bx.set_xlabel(r"$\phi$ (degrees)")
bx.set_title("Glycine (n = 350) reaches all four quadrants", fontsize=11)
bx.legend(loc="lower right", fontsize=8, frameon=True)
fig.suptitle("Backbone dihedral angles, 42 high-resolution structures", fontsize=13)
fig.tight_layout()
