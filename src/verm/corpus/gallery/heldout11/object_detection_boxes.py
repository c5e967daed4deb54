# Object-detector output on a synthetic street image: labelled bounding boxes with scores and per-class confidence bars
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, Rectangle

rng = np.random.default_rng(12)
H, W = 240, 360

# A synthetic scene: sky gradient, road, buildings, a car, a person, a traffic light
img = np.zeros((H, W, 3))
sky = np.linspace(0.85, 0.55, 110)[:, None]
img[:110] = np.stack([sky * 0.75, sky * 0.85, np.ones_like(sky) * 0.95], axis=-1)
img[110:] = [0.36, 0.36, 0.38]
img[170:175, ::40] = [0.95, 0.95, 0.9]
for x0, w, h, c in (
    (0, 70, 80, (0.62, 0.52, 0.45)),
    (75, 60, 100, (0.7, 0.68, 0.62)),
    (250, 110, 90, (0.55, 0.45, 0.42)),
):
    img[110 - h : 110, x0 : x0 + w] = c
    img[110 - h + 8 : 105 : 14, x0 + 6 : x0 + w - 6] = (0.9, 0.88, 0.6)
img[150:190, 150:240] = (0.75, 0.12, 0.12)  # car body
img[132:152, 165:225] = (0.6, 0.75, 0.85)  # windows
img[120:200, 300:318] = (0.2, 0.3, 0.55)  # person
img[104:122, 303:315] = (0.85, 0.7, 0.6)
img[40:100, 210:222] = (0.1, 0.1, 0.1)  # traffic light
img[45:55, 212:220] = (0.9, 0.1, 0.1)
img += rng.normal(0, 0.02, img.shape)
img = np.clip(img, 0, 1)

dets = [
    ("car", 0.97, (146, 128, 98, 66), "#e6194b"),
    ("person", 0.91, (296, 100, 26, 104), "#3cb44b"),
    ("traffic light", 0.84, (206, 36, 20, 68), "#ffe119"),
    ("building", 0.62, (246, 16, 114, 96), "#4363d8"),
    ("person", 0.38, (58, 120, 18, 42), "#3cb44b"),
]

fig = plt.figure(figsize=(11, 4.8))
left, right = fig.subfigures(1, 2, width_ratios=[1.7, 1], wspace=0.02)
ax = left.subplots()
ax.imshow(img, interpolation="nearest")
for label, score, (x, y, w, h), col in dets:
    ls = "-" if score >= 0.5 else "--"
    ax.add_patch(Rectangle((x, y), w, h, fill=False, edgecolor=col, lw=2, ls=ls))
    ax.text(
        x,
        y - 2,
        f"{label} {score:.2f}",
        fontsize=8,
        color="black",
        va="bottom",
        bbox={"boxstyle": "square,pad=0.15", "fc": col, "ec": "none", "alpha": 0.9},
    )
ax.add_patch(Circle((226, 150), 3, color="white"))
ax.set_axis_off()
left.suptitle("frame 000412.png - YOLO-style detector, NMS IoU 0.45", fontsize=10, family="DejaVu Sans Mono")

axb = right.subplots()
classes = ["car", "person", "traffic light", "building", "bicycle", "dog"]
conf = np.array([0.97, 0.91, 0.84, 0.62, 0.21, 0.07])
cols = ["#e6194b", "#3cb44b", "#ffe119", "#4363d8", "#911eb4", "#f58231"]
bars = axb.barh(classes[::-1], conf[::-1], color=cols[::-1], edgecolor="0.3")
axb.bar_label(bars, fmt="%.2f", padding=3, fontsize=8)
axb.axvline(0.5, color="0.3", ls="--", lw=1)
axb.text(0.51, -0.6, "score threshold", fontsize=8, color="0.3")
axb.set_xlim(0, 1.1)
axb.set_xlabel("max confidence in frame")
axb.spines[["top", "right"]].set_visible(False)
right.suptitle("Per-class confidence", fontsize=10)
