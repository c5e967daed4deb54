# Semiconductor wafer map of die pass/fail bins clipped to the wafer outline, with a bin-count legend
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import PatchCollection
from matplotlib.patches import Circle, Patch, Rectangle

rng = np.random.default_rng(300)
R = 150.0
die_w, die_h = 11.0, 13.5
bins = {
    1: ("Pass", "#4caf50"),
    2: ("Leakage", "#ffc107"),
    3: ("Vth shift", "#ff7043"),
    4: ("Open/short", "#8e24aa"),
    5: ("Edge exclusion", "#bdbdbd"),
}

rects, codes = [], []
for x in np.arange(-R, R, die_w):
    for y in np.arange(-R, R, die_h):
        corners = np.array([[x, y], [x + die_w, y], [x, y + die_h], [x + die_w, y + die_h]])
        d_far = np.hypot(corners[:, 0], corners[:, 1]).max()
        d_c = np.hypot(x + die_w / 2, y + die_h / 2)
        if np.hypot(corners[:, 0], corners[:, 1]).min() > R:
            continue
        if d_far > R - 3:
            code = 5
        else:
            p_fail = 0.04 + 0.25 * (d_c / R) ** 4 + 0.5 * np.exp(-(((x - 40) ** 2 + (y + 60) ** 2) / 900))
            code = 1 if rng.random() > p_fail else int(rng.choice([2, 3, 4], p=[0.5, 0.35, 0.15]))
        rects.append(Rectangle((x, y), die_w, die_h))
        codes.append(code)
codes = np.array(codes)

fig, ax = plt.subplots(figsize=(7, 7))
wafer = Circle((0, 0), R, facecolor="#eceff1", edgecolor="0.2", lw=1.5)
ax.add_patch(wafer)
pc = PatchCollection(rects, facecolor=[bins[c][1] for c in codes], edgecolor="white", lw=0.5)
ax.add_collection(pc)
pc.set_clip_path(wafer)
ax.add_patch(Rectangle((-8, -R - 1), 16, 5, facecolor="white", edgecolor="0.2"))  # notch
handles = [Patch(color=col, label=f"{name} ({np.sum(codes == c)})") for c, (name, col) in bins.items()]
ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False, title="Bin (dies)")
tested = codes != 5
ax.set_title(f"Lot A7Q4 wafer 12: yield {np.mean(codes[tested] == 1):.1%} of {tested.sum()} dies", fontsize=12)
ax.set_xlim(-R - 5, R + 5)
ax.set_ylim(-R - 5, R + 5)
ax.set_aspect("equal")
ax.axis("off")
fig.tight_layout()
