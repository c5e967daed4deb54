# Ray diagram of a converging thin lens forming a real inverted image, with the three principal rays and focal points.
import matplotlib.pyplot as plt
from matplotlib.patches import Ellipse, FancyArrow

f = 4.0
do, ho = 10.0, 2.5
di = 1 / (1 / f - 1 / do)
hi = -ho * di / do

fig, ax = plt.subplots(figsize=(11, 5))
ax.axhline(0, color="#555555", lw=1, zorder=0)
ax.add_patch(Ellipse((0, 0), 0.7, 8.4, fc="#bfe3ff", ec="#1976d2", lw=1.5, alpha=0.7))
ax.add_patch(
    FancyArrow(-do, 0, 0, ho, width=0.12, head_width=0.45, head_length=0.35, length_includes_head=True, color="#2e7d32")
)
ax.add_patch(
    FancyArrow(di, 0, 0, hi, width=0.12, head_width=0.45, head_length=0.35, length_includes_head=True, color="#c62828")
)

top = (-do, ho)
far = 16
# ray 1: parallel to axis, then through far focal point
ax.plot([top[0], 0], [ho, ho], color="#f57c00", lw=1.5)
ax.plot([0, far], [ho, ho - ho / f * far], color="#f57c00", lw=1.5, label="parallel ray → through F'")
# ray 2: through centre, undeviated
ax.plot([top[0], far], [ho, ho - ho / do * (far + do)], color="#7b1fa2", lw=1.5, label="chief ray through centre")
# ray 3: through near focal point, then parallel
y3 = ho * (0 - (-f)) / (top[0] - (-f))
ax.plot([top[0], 0], [ho, y3], color="#0097a7", lw=1.5)
ax.plot([0, far], [y3, y3], color="#0097a7", lw=1.5, label="focal ray through F → parallel")

for x, lab in [(-f, "F"), (f, "F'"), (-2 * f, "2F"), (2 * f, "2F'")]:
    ax.plot(x, 0, "ko", ms=5)
    ax.text(x, -0.45, lab, ha="center", va="top", fontsize=11)
ax.text(-do, ho + 0.35, "object", ha="center", color="#2e7d32", fontsize=11)
ax.text(di, hi - 0.45, "image (real, inverted)", ha="center", va="top", color="#c62828", fontsize=11)

for x0, x1, y, lab in [(-do, 0, -3.6, f"$d_o$ = {do:.0f} cm"), (0, di, -3.6 + 0.0, f"$d_i$ = {di:.2f} cm")]:
    ax.annotate("", xy=(x1, y), xytext=(x0, y), arrowprops=dict(arrowstyle="<->", color="gray"))
    ax.text((x0 + x1) / 2, y + 0.15, lab, ha="center", fontsize=10)
ax.text(
    11.5,
    3.4,
    r"$\frac{1}{f} = \frac{1}{d_o} + \frac{1}{d_i}$" + f"\nf = {f:.0f} cm,  m = {hi / ho:.2f}",
    fontsize=12,
    va="top",
    bbox=dict(boxstyle="round", fc="#fffde7", ec="#bdbdbd"),
)
ax.set_xlim(-12, far)
ax.set_ylim(-4.5, 4.5)
ax.set_aspect("equal")
ax.set_yticks([])
ax.set_xlabel("Distance along optical axis (cm)")
for side in ("left", "right", "top"):
    ax.spines[side].set_visible(False)
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, fontsize=9, frameon=False)
ax.set_title("Converging lens: object beyond 2F", loc="left")
fig.tight_layout()
