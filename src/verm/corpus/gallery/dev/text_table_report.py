"""A text-heavy report: a table of figures under a stacked bar chart, long row labels and a footnote."""

import matplotlib.pyplot as plt
import numpy as np

columns = ("Freeze", "Wind", "Flood", "Quake", "Hail")
rows = ["%d year" % x for x in (100, 50, 20, 10, 5)]
data = [
    [66386, 174296, 75131, 577908, 32015],
    [58230, 381139, 78045, 99308, 160454],
    [89135, 80552, 152558, 497981, 603535],
    [78415, 81858, 150656, 193263, 69638],
    [139361, 331509, 343164, 781380, 52269],
]
values = np.arange(0, 2500, 500)
value_increment = 1000

colors = plt.cm.BuPu(np.linspace(0, 0.5, len(rows)))
n_rows = len(data)
index = np.arange(len(columns)) + 0.3
bar_width = 0.4
y_offset = np.zeros(len(columns))

fig, ax = plt.subplots(figsize=(8, 6))
cell_text = []
for row in range(n_rows):
    ax.bar(index, data[row], bar_width, bottom=y_offset, color=colors[row])
    y_offset = y_offset + data[row]
    cell_text.append(["%1.1f" % (x / 1000.0) for x in y_offset])
colors = colors[::-1]
cell_text.reverse()

table = ax.table(cellText=cell_text, rowLabels=rows, rowColours=colors, colLabels=columns, loc="bottom")
table.auto_set_font_size(False)
table.set_fontsize(9)
fig.subplots_adjust(left=0.2, bottom=0.28)
ax.set_ylabel(f"Loss in ${value_increment}'s")
ax.set_yticks(values * value_increment, labels=["%d" % val for val in values])
ax.set_xticks([])
ax.set_title("Loss by disaster and return period")
fig.text(0.02, 0.02, "Figures are cumulative over return periods; all amounts in thousands of dollars.", fontsize=8)
plt.show()
