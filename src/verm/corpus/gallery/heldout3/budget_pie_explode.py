# Pie chart of a household's monthly budget with the two largest slices exploded, percent labels via autopct, a shadow and a legend with amounts
import matplotlib.pyplot as plt

labels = ["Housing", "Food", "Transport", "Utilities", "Savings", "Leisure", "Health", "Other"]
amounts = [1450, 620, 380, 210, 500, 260, 150, 130]
explode = [0.08, 0.04, 0, 0, 0.0, 0, 0, 0]
colors = plt.get_cmap("Set3").colors[: len(labels)]

plt.figure(figsize=(8, 5.5))
wedges, texts, autotexts = plt.pie(
    amounts,
    explode=explode,
    labels=labels,
    colors=colors,
    autopct=lambda p: f"{p:.1f}%" if p >= 4 else "",
    pctdistance=0.75,
    startangle=90,
    counterclock=False,
    shadow=True,
    wedgeprops={"edgecolor": "white", "linewidth": 1},
    textprops={"fontsize": 9},
)
plt.setp(autotexts, fontweight="bold", color="0.2")
plt.axis("equal")
total = sum(amounts)
plt.legend(
    wedges,
    [f"{lab}: ${a:,}" for lab, a in zip(labels, amounts)],
    title=f"Total ${total:,}/month",
    loc="center left",
    bbox_to_anchor=(1.0, 0.5),
    fontsize=8.5,
)
plt.title("Where the money goes - March")
plt.tight_layout()
