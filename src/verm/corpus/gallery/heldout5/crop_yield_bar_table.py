# Stacked bars of crop losses by cause per year with the values in a table aligned under the bars
import matplotlib.pyplot as plt
import numpy as np

causes = ["Drought", "Hail", "Flood", "Pests", "Frost"]
years = ["2019", "2020", "2021", "2022", "2023"]
losses = np.array(
    [
        [412.0, 95.0, 380.0, 1240.0, 560.0],
        [150.0, 210.0, 88.0, 132.0, 175.0],
        [62.0, 480.0, 315.0, 71.0, 240.0],
        [118.0, 102.0, 135.0, 149.0, 127.0],
        [44.0, 12.0, 96.0, 30.0, 205.0],
    ]
)
colors = plt.cm.YlOrBr(np.linspace(0.25, 0.85, len(causes)))

fig, ax = plt.subplots(figsize=(8.5, 6))
index = np.arange(len(years)) + 0.3
bar_width = 0.4
offset = np.zeros(len(years))
cell_text = []
for row in range(len(causes)):
    ax.bar(index, losses[row], bar_width, bottom=offset, color=colors[row])
    offset = offset + losses[row]
    cell_text.append([f"{x:,.0f}" for x in losses[row]])
cell_text.append([f"{x:,.0f}" for x in offset])

table = ax.table(
    cellText=cell_text[::-1],
    rowLabels=(causes + ["Total"])[::-1],
    rowColours=[(1, 1, 1, 1)] + list(colors[::-1]),
    colLabels=years,
    loc="bottom",
    cellLoc="center",
)
table.auto_set_font_size(False)
table.set_fontsize(9)
table.scale(1, 1.3)
for (row, _col), cell in table.get_celld().items():
    if row == 1:
        cell.set_text_props(fontweight="bold")

fig.subplots_adjust(left=0.2, bottom=0.3)
ax.set_ylabel("Insured crop loss (EUR thousand)")
ax.set_yticks(np.arange(0, 2201, 500))
ax.set_xticks([])
ax.set_xlim(-0.2, len(years) - 0.2)
ax.set_title("Crop losses by cause, regional insurance pool")
ax.grid(axis="y", alpha=0.4)
ax.set_axisbelow(True)
plt.show()
