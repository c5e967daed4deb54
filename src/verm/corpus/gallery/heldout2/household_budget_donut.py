# Monthly household budget split into eight categories as a donut chart with percentage labels and total in the centre
import matplotlib.pyplot as plt

categories = ["Housing", "Food", "Transport", "Utilities", "Insurance", "Savings", "Leisure", "Other"]
amounts = [1450, 620, 380, 210, 180, 400, 260, 150]
colors = plt.cm.tab20c([0, 1, 4, 5, 8, 9, 12, 13])

fig, ax = plt.subplots(figsize=(7, 7))
wedges, texts, autotexts = ax.pie(
    amounts,
    labels=categories,
    colors=colors,
    autopct="%1.0f%%",
    pctdistance=0.8,
    startangle=90,
    counterclock=False,
    wedgeprops=dict(width=0.4, edgecolor="white", linewidth=2),
    textprops=dict(fontsize=10),
)
for t in autotexts:
    t.set_fontsize(9)
    t.set_color("white")
    t.set_fontweight("bold")

ax.text(0, 0.08, "$%s" % format(sum(amounts), ","), ha="center", va="center", fontsize=20, fontweight="bold")
ax.text(0, -0.12, "per month", ha="center", va="center", fontsize=10, color="0.4")
ax.set_title("Where the money goes", fontsize=14, pad=30)
ax.axis("equal")
plt.show()
