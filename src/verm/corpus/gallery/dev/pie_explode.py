"""A pie chart with one wedge exploded, percentages inside, a shadow and a legend beside it."""

import matplotlib.pyplot as plt

labels = "Frogs", "Hogs", "Dogs", "Logs"
sizes = [15, 30, 45, 10]
explode = (0, 0.1, 0, 0)

fig, ax = plt.subplots(figsize=(7, 4.5))
wedges, texts, autotexts = ax.pie(
    sizes,
    explode=explode,
    labels=labels,
    autopct="%1.1f%%",
    shadow=True,
    startangle=90,
    colors=["#8dd3c7", "#ffffb3", "#bebada", "#fb8072"],
)
for t in autotexts:
    t.set_color("black")
    t.set_fontsize(9)
ax.axis("equal")
ax.legend(wedges, labels, title="Animals", loc="center left", bbox_to_anchor=(0.95, 0.5))
ax.set_title("Farm census")
fig.tight_layout()
plt.show()
