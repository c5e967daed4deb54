# Simulated telescope field in sky coordinates via imshow with extent and origin='lower', catalogue circles and a scale bar
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import PowerNorm
from matplotlib.patches import Circle, Ellipse

rng = np.random.default_rng(1987)
ny, nx = 180, 240
ra = np.linspace(150.30, 150.10, nx)  # RA decreases to the right on the sky
dec = np.linspace(2.10, 2.25, ny)
RA, DEC = np.meshgrid(ra, dec)
image = rng.normal(100.0, 3.0, (ny, nx))
sources = [
    (150.25, 2.16, 900.0, 0.004),
    (150.18, 2.21, 450.0, 0.003),
    (150.14, 2.13, 300.0, 0.0025),
    (150.22, 2.23, 220.0, 0.002),
    (150.27, 2.12, 180.0, 0.002),
]
for sra, sdec, flux, w in sources:
    image += flux * np.exp(-(((RA - sra) ** 2 + (DEC - sdec) ** 2) / (2 * w**2)))
# an extended, inclined galaxy
u = (RA - 150.20) * np.cos(0.6) + (DEC - 2.17) * np.sin(0.6)
v = -(RA - 150.20) * np.sin(0.6) + (DEC - 2.17) * np.cos(0.6)
image += 160.0 * np.exp(-np.sqrt((u / 0.018) ** 2 + (v / 0.007) ** 2) * 2.5)

fig, ax = plt.subplots(figsize=(8.5, 6))
im = ax.imshow(
    image,
    origin="lower",
    extent=(150.30, 150.10, 2.10, 2.25),
    cmap="magma",
    norm=PowerNorm(0.35, vmin=95, vmax=700),
    aspect="auto",
    interpolation="nearest",
)
for sra, sdec, _flux, _w in sources:
    ax.add_patch(Circle((sra, sdec), 0.006, fill=False, ec="#7fdbff", lw=1))
ax.add_patch(Ellipse((150.20, 2.17), 0.07, 0.025, angle=np.degrees(0.6), fill=False, ec="#2ecc40", lw=1.2, ls="--"))
ax.text(150.165, 2.185, "NGC-like spiral", color="#2ecc40", fontsize=9)
ax.plot([150.125, 150.1417], [2.105, 2.105], color="white", lw=2)
ax.text(150.1333, 2.108, "1 arcmin", color="white", ha="center", fontsize=8)
ax.set_xlabel("Right ascension (deg)")
ax.set_ylabel("Declination (deg)")
ax.set_title("r-band cutout with catalogue matches")
cb = fig.colorbar(im, ax=ax, pad=0.02)
cb.set_label("Counts (power stretch)")
fig.tight_layout()
plt.show()
