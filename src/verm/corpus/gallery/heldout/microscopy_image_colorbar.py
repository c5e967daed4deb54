# Synthetic fluorescence micrograph shown raw and background-subtracted, each with a colorbar and a scale bar.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(2)
n = 256
yy, xx = np.mgrid[0:n, 0:n]
img = 40 + 0.25 * xx + 0.1 * yy
centers = rng.uniform(20, n - 20, (28, 2))
for cy, cx in centers:
    r = rng.uniform(4, 9)
    img += rng.uniform(120, 260) * np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * r**2))
img += rng.normal(0, 8, img.shape)

# Fit a plane to the dimmest 30% of pixels (mostly background) and subtract it.
dim = img.ravel() < np.percentile(img, 30)
A = np.column_stack([np.ones(n * n), xx.ravel(), yy.ravel()])
coef, *_ = np.linalg.lstsq(A[dim], img.ravel()[dim], rcond=None)
background = (A @ coef).reshape(n, n)
clean = np.clip(img - background, 0, None)

fig, axes = plt.subplots(1, 2, figsize=(10, 4.6))
for ax, data, title, cmap in [
    (axes[0], img, "Raw (DAPI channel)", "gray"),
    (axes[1], clean, "Background subtracted", "inferno"),
]:
    im = ax.imshow(data, cmap=cmap, origin="upper")
    cb = fig.colorbar(im, ax=ax, shrink=0.85)
    cb.set_label("Intensity (a.u.)")
    ax.set_title(title)
    ax.set_xticks([])
    ax.set_yticks([])
    px_per_um = 4.0
    ax.plot([n - 20 - 20 * px_per_um, n - 20], [n - 14, n - 14], color="white", lw=3)
    ax.text(n - 20 - 10 * px_per_um, n - 20, "20 µm", color="white", ha="center", va="bottom", fontsize=9)
fig.suptitle("HeLa nuclei, 40× objective", fontsize=12)
fig.tight_layout()
plt.show()
