# Monthly sales by region as grouped bars above a table with conditionally coloured cells (red below target, green above), totals row and column
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(4120)
months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]
regions = ["North", "South", "East", "West"]
sales = np.round(rng.normal([[120], [95], [140], [80]], 15, size=(4, 6)) * np.linspace(1, 1.25, 6), 0)
target = np.array([130, 100, 150, 90])

fig = plt.figure(figsize=(10, 7.2))
ax = fig.add_axes([0.1, 0.42, 0.86, 0.5])
width = 0.2
colors = ["#4e79a7", "#f28e2b", "#59a14f", "#b07aa1"]
for k, (region, color) in enumerate(zip(regions, colors)):
    ax.bar(np.arange(6) + (k - 1.5) * width, sales[k], width, color=color, label=region)
    ax.hlines(target[k], -0.5, 5.5, color=color, lw=1, ls="--", alpha=0.7)
ax.set_xlim(-0.5, 5.5)
ax.set_xticks([])
ax.set_ylabel("units sold (k)")
ax.legend(ncols=4, loc="upper left", fontsize=9, title="region (dashed: target)", title_fontsize=9)
ax.set_ylim(0, 230)
ax.set_title("H1 sales by region", fontsize=14, fontweight="bold", loc="left")

cell_text = [[f"{v:.0f}" for v in row] + [f"{row.sum():.0f}"] for row in sales]
cell_text.append([f"{v:.0f}" for v in sales.sum(axis=0)] + [f"{sales.sum():.0f}"])
cell_colours = []
for k, row in enumerate(sales):
    cell_colours.append(["#c7e9c0" if v >= target[k] else "#fcbba1" for v in row] + ["#f0f0f0"])
cell_colours.append(["#d9d9d9"] * 7)
table = ax.table(
    cellText=cell_text,
    cellColours=cell_colours,
    rowLabels=regions + ["Total"],
    rowColours=colors + ["#bdbdbd"],
    colLabels=months + ["H1"],
    colColours=["#e0e0e0"] * 7,
    cellLoc="center",
    bbox=[0.0, -0.72, 1.0, 0.62],
)
table.auto_set_font_size(False)
table.set_fontsize(10)
for (r, c), cell in table.get_celld().items():
    if r == 5 or c == 6:
        cell.get_text().set_fontweight("bold")
    if c == -1 and r >= 1:
        cell.get_text().set_color("white")
