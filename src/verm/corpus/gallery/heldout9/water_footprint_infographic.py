# Text-heavy infographic of litres of water needed per food item, in fancy boxes with proportional drops
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch

items = [
    ("Beef", "1 kg", 15400),
    ("Cheese", "1 kg", 5060),
    ("Chicken", "1 kg", 4330),
    ("Rice", "1 kg", 2500),
    ("Bread", "1 kg", 1600),
    ("Coffee", "1 cup", 130),
    ("Apple", "1 piece", 125),
    ("Tomato", "1 piece", 13),
]
accent = ["#7f0000", "#b30000", "#d7301f", "#ef6548", "#fc8d59", "#6a3d9a", "#33a02c", "#e31a1c"]

plt.rcParams["font.family"] = "DejaVu Sans"
fig = plt.figure(figsize=(9, 7.5), facecolor="#f4f9fc")
ax = fig.add_axes([0, 0, 1, 1])
ax.set_xlim(0, 100)
ax.set_ylim(0, 100)
ax.axis("off")
ax.text(5, 94, "How thirsty is your food?", fontsize=22, fontweight="bold", color="#0b3954")
ax.text(
    5, 89, "Litres of water used to produce each item (global average water footprint)", fontsize=10, color="#3c6e91"
)
for k, (name, unit, litres) in enumerate(items):
    col, row = k % 2, k // 2
    x0, y0 = 5 + col * 47, 66 - row * 19
    box = FancyBboxPatch(
        (x0, y0), 43, 15, boxstyle="round,pad=0.4,rounding_size=2.5", facecolor="white", edgecolor=accent[k], lw=1.8
    )
    ax.add_patch(box)
    r = 1.2 + 5.5 * np.sqrt(litres / 15400)
    ax.add_patch(Circle((x0 + 8, y0 + 7.5), r, facecolor="#1c7ed6", edgecolor="#0b3954", alpha=0.85))
    ax.text(x0 + 17, y0 + 10, name, fontsize=13, fontweight="bold", color=accent[k])
    ax.text(x0 + 17, y0 + 5.8, f"{litres:,} L", fontsize=16, color="#0b3954")
    ax.text(x0 + 17, y0 + 2.5, f"per {unit}", fontsize=8, color="0.4")
ax.add_patch(
    FancyArrowPatch(
        (96, 79), (96, 10), arrowstyle="simple,head_width=6,head_length=8", mutation_scale=1.5, color="#9ecae1"
    )
)
ax.text(97.5, 45, "less water", rotation=-90, va="center", fontsize=8, color="#3c6e91")
ax.text(
    5,
    3,
    "Drop area proportional to litres. Source: Water Footprint Network (rounded).",
    fontsize=7,
    color="0.45",
    style="italic",
)
