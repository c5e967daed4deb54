# 3D scatter of lidar returns coloured by height beside a 3D wireframe of the fitted terrain surface
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(31)
gx, gy = np.meshgrid(np.linspace(-5, 5, 25), np.linspace(-5, 5, 25))
terrain = (
    1.5 * np.exp(-((gx - 1) ** 2 + (gy - 1.5) ** 2) / 6)
    + 0.08 * gx
    - 0.5 * np.exp(-((gx + 2.5) ** 2 + (gy + 2) ** 2) / 3)
)

px = rng.uniform(-5, 5, 900)
py = rng.uniform(-5, 5, 900)
ground = (
    1.5 * np.exp(-((px - 1) ** 2 + (py - 1.5) ** 2) / 6)
    + 0.08 * px
    - 0.5 * np.exp(-((px + 2.5) ** 2 + (py + 2) ** 2) / 3)
)
is_tree = rng.uniform(0, 1, 900) < 0.25
pz = ground + rng.normal(0, 0.05, 900) + is_tree * rng.uniform(0.5, 2.5, 900)

fig = plt.figure(figsize=(11, 5))
ax1 = fig.add_subplot(1, 2, 1, projection="3d")
pts = ax1.scatter(px, py, pz, c=pz, cmap="viridis", s=5, depthshade=False)
ax1.set_title("Raw returns (900 points)")
ax1.view_init(elev=28, azim=-60)
fig.colorbar(pts, ax=ax1, shrink=0.6, pad=0.1, label="Height (m)")

ax2 = fig.add_subplot(1, 2, 2, projection="3d")
ax2.plot_wireframe(gx, gy, terrain, rstride=2, cstride=2, color="saddlebrown", lw=0.7)
ax2.scatter(px[~is_tree][::6], py[~is_tree][::6], pz[~is_tree][::6], color="k", s=3)
ax2.set_title("Ground model (wireframe) and ground returns")
ax2.view_init(elev=28, azim=-60)
for ax in (ax1, ax2):
    ax.set_xlabel("x (m)")
    ax.set_ylabel("y (m)")
    ax.set_zlabel("z (m)")
    ax.set_zlim(-1, 4.5)
fig.suptitle("Airborne lidar tile 17-04", fontsize=13)
fig.subplots_adjust(left=0.02, right=0.98, wspace=0.15)
plt.show()
