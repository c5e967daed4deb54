"""Survey results as horizontal stacked bars over a diverging colormap, counts centred in each segment."""

import matplotlib.pyplot as plt
import numpy as np

category_names = ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
results = {
    "Question 1: the onboarding was clear": [10, 15, 17, 32, 26],
    "Question 2: tools are adequate": [26, 22, 29, 10, 13],
    "Question 3: I would recommend the team": [35, 37, 7, 2, 19],
    "Question 4: workload is sustainable": [32, 11, 9, 15, 33],
    "Question 5: goals are well communicated": [21, 29, 5, 5, 40],
    "Question 6: feedback is timely": [8, 19, 5, 30, 38],
}

labels = list(results.keys())
data = np.array(list(results.values()))
data_cum = data.cumsum(axis=1)
category_colors = plt.colormaps["RdYlGn"](np.linspace(0.15, 0.85, data.shape[1]))

fig, ax = plt.subplots(figsize=(11, 5.5))
ax.invert_yaxis()
ax.xaxis.set_visible(False)
ax.set_xlim(0, np.sum(data, axis=1).max())

for i, (colname, color) in enumerate(zip(category_names, category_colors)):
    widths = data[:, i]
    starts = data_cum[:, i] - widths
    rects = ax.barh(labels, widths, left=starts, height=0.5, label=colname, color=color)
    r, g, b, _ = color
    text_color = "white" if r * g * b < 0.5 else "darkgrey"
    ax.bar_label(rects, label_type="center", color=text_color)
ax.legend(ncols=3, bbox_to_anchor=(0, 1), loc="lower left", fontsize="small")
ax.set_title("Staff survey 2024", loc="left", pad=48)
fig.tight_layout()
plt.show()
