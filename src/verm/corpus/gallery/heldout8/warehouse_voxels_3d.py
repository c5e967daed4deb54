# 3D voxel view of warehouse rack occupancy: filled bins coloured by product class, on a 3D axes.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Patch

rng = np.random.default_rng(21)
nx, ny, nz = 8, 4, 5
filled = rng.random((nx, ny, nz)) < 0.55
filled[:, 1:3, :] = False  # the picking aisle
kind = rng.integers(0, 3, size=(nx, ny, nz))
palette = np.array(["#4c72b0cc", "#dd8452cc", "#55a868cc"])
facecolors = np.where(filled, palette[kind], "#00000000")

fig = plt.figure(figsize=(9, 6.5))
ax = fig.add_subplot(projection="3d")
ax.voxels(filled, facecolors=facecolors, edgecolor="0.25", linewidth=0.4)
ax.set_xlabel("Bay")
ax.set_ylabel("Row")
ax.set_zlabel("Shelf level")
ax.set_box_aspect((nx, ny * 1.2, nz))
ax.view_init(elev=24, azim=-58)
names = ["Class A fast movers", "Class B", "Class C bulk"]
ax.legend(handles=[Patch(color=palette[i][:7], label=n) for i, n in enumerate(names)], loc="upper left", fontsize=9)
occ = filled.sum() / (nx * 2 * nz)
ax.set_title(f"Aisle 14 occupancy: {occ:.0%} of rack positions in use", fontsize=12)
fig.tight_layout()
