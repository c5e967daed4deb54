# Three-generation family pedigree of an autosomal recessive trait with affected, carrier and deceased individuals.
import matplotlib.pyplot as plt
from matplotlib.patches import Circle, Rectangle, Wedge

S = 0.7  # symbol size
people = {  # id: (x, generation, sex, status) status: a=affected, c=carrier, u=unaffected, d=deceased
    "I-1": (3, 1, "m", "c"),
    "I-2": (5, 1, "f", "c"),
    "I-3": (9, 1, "m", "d"),
    "I-4": (11, 1, "f", "c"),
    "II-1": (1.5, 2, "f", "u"),
    "II-2": (3.5, 2, "m", "a"),
    "II-3": (5.5, 2, "m", "c"),
    "II-4": (8.5, 2, "f", "c"),
    "II-5": (11.5, 2, "m", "u"),
    "III-1": (5.0, 3, "m", "u"),
    "III-2": (6.5, 3, "f", "a"),
    "III-3": (8.0, 3, "m", "c"),
}
unions = [
    ("I-1", "I-2", ["II-1", "II-2", "II-3"]),
    ("I-3", "I-4", ["II-4", "II-5"]),
    ("II-3", "II-4", ["III-1", "III-2", "III-3"]),
]

fig, ax = plt.subplots(figsize=(10, 6.5))
level = {1: 6.0, 2: 3.5, 3: 1.0}
for pid, (x, g, sex, status) in people.items():
    y = level[g]
    face = "black" if status == "a" else "white"
    if sex == "m":
        ax.add_patch(Rectangle((x - S / 2, y - S / 2), S, S, fc=face, ec="black", lw=1.5, zorder=3))
        if status == "c":
            ax.add_patch(Rectangle((x - S / 2, y - S / 2), S / 2, S, fc="black", ec="black", zorder=4))
    else:
        ax.add_patch(Circle((x, y), S / 2, fc=face, ec="black", lw=1.5, zorder=3))
        if status == "c":
            ax.add_patch(Wedge((x, y), S / 2, 90, 270, fc="black", zorder=4))
    if status == "d":
        ax.plot([x - 0.55, x + 0.55], [y - 0.55, y + 0.55], color="black", lw=1.3, zorder=5)
    ax.text(x, y - 0.65, pid.split("-")[1], ha="center", va="top", fontsize=9)

for a, b, kids in unions:
    xa, ya = people[a][0], level[people[a][1]]
    xb = people[b][0]
    ax.plot([xa + S / 2, xb - S / 2], [ya, ya], color="black", lw=1.5)
    mid = (xa + xb) / 2
    sib_y = ya - 1.25
    ax.plot([mid, mid], [ya, sib_y], color="black", lw=1.5)
    kx = [people[k][0] for k in kids]
    ax.plot([min(kx), max(kx)], [sib_y, sib_y], color="black", lw=1.5)
    for k in kx:
        ax.plot([k, k], [sib_y, sib_y - 0.9], color="black", lw=1.5)

ax.annotate(
    "proband",
    xy=(6.5 - 0.4, 1.0 - 0.3),
    xytext=(4.2, -0.5),
    fontsize=10,
    arrowprops=dict(arrowstyle="-|>", color="black", lw=1.2),
)
for g, y in level.items():
    ax.text(-0.4, y, ["I", "II", "III"][g - 1], fontsize=14, weight="bold", va="center")
ax.text(
    13.2,
    6.3,
    "■ / ●  affected\n◧ / ◐  carrier (heterozygous)\n□ / ○  unaffected\n  /    deceased",
    fontsize=10,
    va="top",
    family="DejaVu Sans",
)
ax.set_title("Pedigree: cystic fibrosis (CFTR ΔF508), family 14", loc="left", fontsize=13)
ax.set_xlim(-1, 17.5)
ax.set_ylim(-1, 7)
ax.set_aspect("equal")
ax.axis("off")
fig.tight_layout()
