# Paper figure built with fig.subfigures: a left panel of a fluorescence image, a right panel of intensity profile and cell counts
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"font.size": 9, "axes.titlesize": 10, "axes.spines.top": False, "axes.spines.right": False})

rng = np.random.default_rng(99)
yy, xx = np.mgrid[0:128, 0:128]
image = rng.normal(0.08, 0.02, (128, 128))
centers = rng.uniform(12, 116, size=(14, 2))
for cy, cx in centers:
    image += rng.uniform(0.4, 1.0) * np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * rng.uniform(3, 6) ** 2))
row = int(np.argmax(image.max(axis=1)))  # the row through the brightest cell

fig = plt.figure(figsize=(10, 4.6), layout="constrained")
left, right = fig.subfigures(1, 2, width_ratios=[1, 1.25], wspace=0.04)
left.set_facecolor("#f3f3f3")
ax_img = left.subplots()
im = ax_img.imshow(image, cmap="gray", vmin=0, vmax=1.1)
ax_img.axhline(row, color="#ffcc00", lw=1, ls="--")
ax_img.plot([96, 121], [120, 120], color="white", lw=3)
ax_img.text(108.5, 116, "10 µm", color="white", ha="center", fontsize=8)
ax_img.set_axis_off()
left.colorbar(im, ax=ax_img, shrink=0.8, label="Normalised intensity")
left.suptitle("a  GFP channel, field 3", x=0.05, ha="left", fontweight="bold")

ax_prof, ax_count = right.subplots(2, 1, height_ratios=[1.2, 1])
ax_prof.plot(image[row], color="#2ca02c", lw=1.2)
ax_prof.fill_between(np.arange(128), image[row], color="#2ca02c", alpha=0.2)
ax_prof.set_xlim(0, 127)
ax_prof.set_ylabel("Intensity")
ax_prof.set_xlabel("Pixel along dashed line")
conditions = ["ctrl", "siRNA-1", "siRNA-2", "rescue"]
counts = np.array([14, 6, 8, 13])
spread = np.array([2.1, 1.5, 1.9, 2.4])
ax_count.bar(conditions, counts, yerr=spread, color=["0.6", "#d62728", "#d62728", "#1f77b4"], capsize=3, width=0.6)
for i in range(4):
    ax_count.scatter(
        np.full(5, i) + rng.uniform(-0.15, 0.15, 5),
        counts[i] + rng.normal(0, spread[i], 5),
        s=10,
        color="black",
        zorder=3,
    )
ax_count.set_ylabel("Cells / field")
right.suptitle("b  Line profile and counts per condition", x=0.03, ha="left", fontweight="bold")
plt.show()
