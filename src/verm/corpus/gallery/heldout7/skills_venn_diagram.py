# Three-set Venn diagram of survey respondents who use Python, SQL and R, with counts in each region
import matplotlib.pyplot as plt
from matplotlib.patches import Circle

only = {"P": 412, "S": 238, "R": 96, "PS": 301, "PR": 118, "SR": 44, "PSR": 87}

fig, ax = plt.subplots(figsize=(6.5, 6))
specs = [
    ("Python", (0.0, 0.35), "#3776ab"),
    ("SQL", (0.55, 0.35), "#e38c00"),
    ("R", (0.275, -0.12), "#2e9e5b"),
]
for _name, centre, colour in specs:
    ax.add_patch(Circle(centre, 0.5, facecolor=colour, alpha=0.35, edgecolor=colour, linewidth=2))

ax.text(-0.62, 0.85, "Python\n918", ha="center", fontsize=12, color="#3776ab", fontweight="bold")
ax.text(1.17, 0.85, "SQL\n670", ha="center", fontsize=12, color="#e38c00", fontweight="bold")
ax.text(0.275, -0.78, "R\n345", ha="center", fontsize=12, color="#2e9e5b", fontweight="bold")

positions = {
    "P": (-0.2, 0.5),
    "S": (0.75, 0.5),
    "R": (0.275, -0.35),
    "PS": (0.275, 0.62),
    "PR": (0.02, 0.05),
    "SR": (0.53, 0.05),
    "PSR": (0.275, 0.22),
}
for key, (x, y) in positions.items():
    ax.text(
        x,
        y,
        f"{only[key]}",
        ha="center",
        va="center",
        fontsize=11 if len(key) < 3 else 13,
        fontweight="bold" if key == "PSR" else "normal",
    )

ax.set_xlim(-0.85, 1.4)
ax.set_ylim(-0.9, 1.1)
ax.set_aspect("equal")
ax.axis("off")
ax.set_title("Languages used at work (n = 1,296 analysts)", fontsize=13)
fig.text(
    0.5,
    0.04,
    "Respondents could pick more than one language; 0 picked none of the three.",
    ha="center",
    fontsize=8,
    style="italic",
    color="0.35",
)
