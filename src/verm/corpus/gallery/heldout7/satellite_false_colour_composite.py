# False-colour (NIR-red-green) composite of a synthetic satellite scene beside its NDVI map and the per-band histograms used for the stretch
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(8)
ny, nx = 120, 160
yy, xx = np.mgrid[0:ny, 0:nx]

# land cover: a river, fields in a grid, a forest blob, a town
field_id = (xx // 20) + 8 * (yy // 24)
field_type = rng.integers(0, 3, field_id.max() + 1)[field_id]  # 0 bare, 1 crop, 2 pasture
river = np.abs(yy - (60 + 18 * np.sin(xx / 22))) < 3.5
forest = ((xx - 40) ** 2 / 900 + (yy - 28) ** 2 / 300) < 1
town = ((xx - 125) ** 2 + (yy - 92) ** 2) < 220

veg = np.choose(field_type, [0.08, 0.75, 0.45])
veg = np.where(forest, 0.9, veg)
veg = np.where(town, 0.12, veg)
veg = np.where(river, 0.0, veg)
noise = rng.normal(0, 0.03, (3, ny, nx))
nir = 0.12 + 0.45 * veg + noise[0]
red = 0.16 - 0.1 * veg + noise[1] + 0.08 * town
green = 0.12 - 0.03 * veg + noise[2] + 0.06 * town
nir, red, green = (np.where(river, v, b) for v, b in zip((0.03, 0.05, 0.08), (nir, red, green)))


def stretch(band, lo_pct=2, hi_pct=98):
    lo, hi = np.percentile(band, [lo_pct, hi_pct])
    return np.clip((band - lo) / (hi - lo), 0, 1), lo, hi


bands = {"NIR (B8)": nir, "Red (B4)": red, "Green (B3)": green}
stretched = [stretch(b) for b in bands.values()]
rgb = np.dstack([s[0] for s in stretched])
ndvi = (nir - red) / (nir + red + 1e-6)

plt.style.use("dark_background")
fig = plt.figure(figsize=(10, 6.4))
gs = fig.add_gridspec(2, 3, height_ratios=[3, 1.3], hspace=0.35, wspace=0.25)
ax_rgb = fig.add_subplot(gs[0, :2])
ax_rgb.imshow(rgb, interpolation="nearest")
ax_rgb.set_title("False colour: R = NIR, G = red, B = green", fontsize=10)
ax_rgb.set_xticks([])
ax_rgb.set_yticks([])
ax_rgb.plot([130, 150], [112, 112], color="white", lw=3)
ax_rgb.text(140, 109, "1 km", color="white", ha="center", fontsize=8)

ax_ndvi = fig.add_subplot(gs[0, 2])
im = ax_ndvi.imshow(ndvi, cmap="RdYlGn", vmin=-0.4, vmax=0.9)
ax_ndvi.set_title("NDVI", fontsize=10)
ax_ndvi.set_xticks([])
ax_ndvi.set_yticks([])
fig.colorbar(im, ax=ax_ndvi, orientation="horizontal", fraction=0.06, pad=0.04)

for k, ((name, band), (_, lo, hi), colour) in enumerate(
    zip(bands.items(), stretched, ["#ff4d4d", "#4dff88", "#4da6ff"])
):
    ax = fig.add_subplot(gs[1, k])
    ax.hist(band.ravel(), bins=60, color=colour, alpha=0.8)
    ax.axvline(lo, color="white", lw=0.8, ls="--")
    ax.axvline(hi, color="white", lw=0.8, ls="--")
    ax.set_title(f"{name} → channel {'RGB'[k]}", fontsize=9)
    ax.set_yticks([])
    ax.tick_params(labelsize=8)
    ax.set_xlabel("reflectance", fontsize=8)
fig.suptitle("Scene T32UNE, 14 June: 2-98 % linear stretch per band", fontsize=12)
