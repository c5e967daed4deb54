# Moon phase calendar for March 2026: a month grid of lit-fraction discs drawn from patches, with new and full moon highlighted and illumination percentages
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, Polygon

plt.style.use("dark_background")
plt.rcParams.update({"font.family": "DejaVu Sans"})
rng = np.random.default_rng(1418)

synodic = 29.530589
new_moon_day = 19.0  # day of March of the new moon (approx.)
first_weekday = 6  # 1 March 2026 is a Sunday; columns Mon..Sun
days = np.arange(1, 32)
age = (days - new_moon_day) % synodic
illum = (1 - np.cos(2 * np.pi * age / synodic)) / 2

fig, ax = plt.subplots(figsize=(10, 8))
ax.set_xlim(-0.5, 6.5)
ax.set_ylim(5.55, -1.1)
ax.set_aspect("equal")
ax.axis("off")
for j, name in enumerate(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]):
    ax.text(j, -0.75, name, ha="center", va="center", fontsize=11, color="0.7", fontweight="bold")

r = 0.34
th = np.linspace(-np.pi / 2, np.pi / 2, 60)
for d, a, f in zip(days, age, illum):
    slot = first_weekday + d - 1
    row, col = divmod(slot, 7)
    cx, cy = col, row
    ax.add_patch(Circle((cx, cy), r, fc="#23262e", ec="0.45", lw=0.6))
    waxing = a < synodic / 2
    sign = 1 if waxing else -1  # lit limb on the right while waxing (northern hemisphere)
    limb = np.c_[cx + sign * r * np.cos(th), cy + r * np.sin(th)]
    term = np.c_[cx + sign * r * np.cos(th) * (1 - 2 * f), cy + r * np.sin(th)][::-1]
    ax.add_patch(Polygon(np.vstack([limb, term]), closed=True, fc="#f2eecb", ec="none"))
    ax.text(cx - 0.46, cy - 0.38, str(d), fontsize=9, color="0.85", va="center")
    ax.text(cx, cy + 0.46, f"{f:.0%}", fontsize=7.5, color="0.6", ha="center", va="center")
    if f in (illum.max(), illum.min()):
        ax.add_patch(Circle((cx, cy), r + 0.07, fc="none", ec="gold" if f > 0.5 else "deepskyblue", lw=1.8))
        ax.text(
            cx + 0.46,
            cy - 0.38,
            "full" if f > 0.5 else "new",
            fontsize=8,
            color="gold" if f > 0.5 else "deepskyblue",
            ha="right",
            va="center",
        )

for k in range(7):
    ax.axvline(k - 0.5, color="0.18", lw=0.8)
for rr in range(7):
    ax.axhline(rr - 0.5, color="0.18", lw=0.8)
ax.set_title("March 2026 — phases of the Moon", fontsize=16, pad=6)
fig.text(
    0.5,
    0.04,
    "Disc shading from illuminated fraction k = (1 − cos φ)/2; northern-hemisphere view (waxing lit on the right)",
    ha="center",
    fontsize=8.5,
    color="0.65",
)
fig.subplots_adjust(left=0.02, right=0.98, top=0.93, bottom=0.06)
