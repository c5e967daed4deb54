# Stacked bars of insurance losses by quarter and peril with the numbers in a plt.table under the axes (the classic bar-and-table layout)
import matplotlib.pyplot as plt
import numpy as np

perils = ["Freeze", "Wind", "Flood", "Quake", "Hail"]
quarters = ["Q1 2023", "Q2 2023", "Q3 2023", "Q4 2023", "Q1 2024"]
data = np.array(
    [
        [66.4, 17.4, 23.2, 41.5, 79.7],
        [58.2, 38.1, 51.6, 32.9, 44.0],
        [89.1, 80.0, 121.7, 97.3, 70.2],
        [78.4, 94.6, 36.5, 12.1, 26.8],
        [139.4, 201.3, 298.5, 109.8, 93.6],
    ]
)

colors = plt.cm.BuPu(np.linspace(0.2, 0.8, len(perils)))
index = np.arange(len(quarters)) + 0.3
bar_width = 0.4

plt.figure(figsize=(8, 6))
y_offset = np.zeros(len(quarters))
cell_text = []
for row in range(len(perils)):
    plt.bar(index, data[row], bar_width, bottom=y_offset, color=colors[row])
    y_offset = y_offset + data[row]
    cell_text.append([f"{x:.1f}" for x in data[row]])
cell_text.append([f"{x:.1f}" for x in data.sum(0)])

the_table = plt.table(
    cellText=cell_text,
    rowLabels=perils + ["Total"],
    rowColours=list(colors) + ["0.9"],
    colLabels=quarters,
    loc="bottom",
)
the_table.auto_set_font_size(False)
the_table.set_fontsize(9)
the_table.scale(1, 1.3)

plt.subplots_adjust(left=0.2, bottom=0.33, top=0.9)
plt.ylabel("Loss in $ millions")
plt.yticks(np.arange(0, 700, 100))
plt.xticks([])
plt.xlim(-0.1, len(quarters) - 0.3)
plt.title("Loss by disaster, gross of reinsurance")
for i, total in enumerate(data.sum(0)):
    plt.text(index[i], total + 8, f"${total:.0f}M", ha="center", fontsize=8, fontweight="bold")
plt.grid(axis="y", alpha=0.3)
