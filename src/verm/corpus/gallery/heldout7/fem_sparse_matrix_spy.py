# Sparsity patterns (ax.spy) of a 2-D finite-difference Laplacian before and after a bandwidth-reducing reordering
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("classic")
plt.rcParams.update({"figure.facecolor": "white", "font.size": 10})

nx, ny = 9, 7
n = nx * ny
rng = np.random.default_rng(11)
shuffle = rng.permutation(n)  # nodes numbered in mesh-generator order
A = np.zeros((n, n))
for j in range(ny):
    for i in range(nx):
        k = j * nx + i
        A[k, k] = 4
        for di, dj in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            ii, jj = i + di, j + dj
            if 0 <= ii < nx and 0 <= jj < ny:
                A[k, jj * nx + ii] = -1
A_mesh = A[np.ix_(shuffle, shuffle)]


def cuthill_mckee(M):
    """Breadth-first ordering from a lowest-degree node, neighbours by increasing degree."""
    deg = (M != 0).sum(1)
    order, seen = [], np.zeros(len(M), bool)
    for start in np.argsort(deg, kind="stable"):
        if seen[start]:
            continue
        queue = [start]
        seen[start] = True
        while queue:
            v = queue.pop(0)
            order.append(v)
            nbrs = [u for u in np.nonzero(M[v])[0] if not seen[u]]
            for u in sorted(nbrs, key=lambda u: (deg[u], u)):
                seen[u] = True
                queue.append(u)
    return np.array(order[::-1])


perm = cuthill_mckee(A_mesh)
A_rcm = A_mesh[np.ix_(perm, perm)]


def bandwidth(M):
    r, c = np.nonzero(M)
    return int(np.abs(r - c).max())


fig, axes = plt.subplots(1, 3, figsize=(10, 4), gridspec_kw={"width_ratios": [1, 1, 0.9]})
axes[0].spy(A_mesh, markersize=3, color="navy")
axes[0].set_title(f"Mesh order\nbandwidth {bandwidth(A_mesh)}", fontsize=10, pad=22)
axes[1].spy(A_rcm, markersize=3, color="darkred")
axes[1].set_title(f"Reverse Cuthill-McKee\nbandwidth {bandwidth(A_rcm)}", fontsize=10, pad=22)
for ax in axes[:2]:
    ax.tick_params(labelsize=8)
    ax.set_xlabel(f"nnz = {int((A != 0).sum())}", fontsize=9)

row_band_mesh = [np.ptp(np.nonzero(r)[0]) for r in A_mesh]
row_band_rcm = [np.ptp(np.nonzero(r)[0]) for r in A_rcm]
axes[2].plot(row_band_mesh, np.arange(n), color="navy", drawstyle="steps-mid", label="mesh")
axes[2].plot(row_band_rcm, np.arange(n), color="darkred", drawstyle="steps-mid", label="RCM")
axes[2].set_ylim(n - 0.5, -0.5)
axes[2].set_xlabel("row envelope width")
axes[2].set_ylabel("row")
axes[2].legend(loc="lower right", fontsize=9)
axes[2].set_title("Envelope per row", fontsize=10, pad=22)
fig.suptitle(f"5-point Laplacian on a {nx} x {ny} grid ({n} unknowns)")
fig.subplots_adjust(left=0.04, right=0.97, bottom=0.13, top=0.76, wspace=0.3)
