# Stacked 3D waterfall of NMR spectra recorded during a reaction, drawn as filled polygons per time point
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import PolyCollection

rng = np.random.default_rng(1313)
ppm = np.linspace(0.5, 8.5, 400)
times = np.arange(0, 70, 10)


def lorentz(x, x0, w):
    return w**2 / ((x - x0) ** 2 + w**2)


verts, facecolors = [], []
cmap = plt.get_cmap("viridis")
for k, tmin in enumerate(times):
    frac = 1 - np.exp(-tmin / 22)
    spec = (1 - frac) * (lorentz(ppm, 2.1, 0.04) + 0.6 * lorentz(ppm, 7.2, 0.05))
    spec += frac * (0.9 * lorentz(ppm, 3.7, 0.05) + 0.5 * lorentz(ppm, 6.8, 0.05))
    spec += 0.35 * lorentz(ppm, 1.25, 0.03) + rng.normal(0, 0.006, ppm.size)
    spec = np.clip(spec, 0, None)
    verts.append(list(zip(ppm, spec)) + [(ppm[-1], 0), (ppm[0], 0)])
    facecolors.append(cmap(k / (len(times) - 1)))

fig = plt.figure(figsize=(9, 6))
ax = fig.add_subplot(projection="3d")
polys = PolyCollection(verts, facecolors=facecolors, edgecolors="k", linewidths=0.5, alpha=0.75)
ax.add_collection3d(polys, zs=times, zdir="y")
ax.set_xlim(8.5, 0.5)
ax.set_ylim(0, 60)
ax.set_zlim(0, 1.1)
ax.set_xlabel("δ (ppm)")
ax.set_ylabel("reaction time (min)")
ax.set_zlabel("intensity (a.u.)")
ax.view_init(elev=24, azim=-62)
ax.text(2.1, 0, 1.05, "SM CH₃", fontsize=8, zdir=None)
ax.text(3.7, 60, 0.95, "product OCH₂", fontsize=8)
ax.set_title("¹H NMR reaction monitoring, 400 MHz, CDCl₃", fontsize=12)
fig.tight_layout()
