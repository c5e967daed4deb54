# Desktop browser market share as a pie with autopct labels, a shadow, an exploded leader and a side legend
import matplotlib.pyplot as plt

labels = ["Chrome", "Edge", "Safari", "Firefox", "Opera", "Other"]
share = [65.8, 13.2, 9.1, 6.6, 3.1, 2.2]
colors = ["#4285f4", "#0f9d58", "#a0a0a0", "#ff7139", "#cc0f16", "#e6d36a"]
explode = [0.08, 0, 0, 0, 0, 0]

fig, ax = plt.subplots(figsize=(8, 5.2))
wedges, texts, autotexts = ax.pie(
    share,
    explode=explode,
    labels=labels,
    colors=colors,
    autopct=lambda p: f"{p:.1f}%" if p >= 5 else "",
    pctdistance=0.72,
    labeldistance=1.08,
    shadow=True,
    startangle=90,
    counterclock=False,
    wedgeprops={"edgecolor": "white", "linewidth": 1.2},
    textprops={"fontsize": 10},
)
for t in autotexts:
    t.set_color("white")
    t.set_fontweight("bold")
ax.set_aspect("equal")
ax.legend(
    wedges,
    [f"{name} ({s:.1f}%)" for name, s in zip(labels, share)],
    title="Browser",
    loc="center left",
    bbox_to_anchor=(1.0, 0.5),
    frameon=False,
)
ax.set_title("Desktop browser share, Q3 (page views)", fontsize=13, fontweight="bold")
fig.text(0.02, 0.02, "Source: illustrative web analytics sample", fontsize=8, color="0.4")
fig.tight_layout()
plt.show()
