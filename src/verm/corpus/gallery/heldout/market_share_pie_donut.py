# Browser market share as a pie with percentages beside a donut of mobile OS share with a centre label.
import matplotlib.pyplot as plt

browsers = ["Chrome", "Safari", "Edge", "Firefox", "Other"]
browser_share = [64.7, 18.6, 5.3, 3.0, 8.4]
oses = ["Android", "iOS", "Other"]
os_share = [70.9, 28.4, 0.7]

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4.8))
wedges, texts, autotexts = ax1.pie(
    browser_share,
    labels=browsers,
    autopct="%1.1f%%",
    startangle=90,
    counterclock=False,
    explode=[0.05, 0, 0, 0, 0],
    colors=plt.cm.Set2.colors[:5],
    pctdistance=0.72,
    textprops=dict(fontsize=9),
)
for t in autotexts:
    t.set_color("black")
ax1.set_title("Desktop + mobile browsers")

wedges2, _, autotexts2 = ax2.pie(
    os_share,
    labels=oses,
    autopct=lambda p: f"{p:.1f}%" if p > 2 else "",
    startangle=90,
    counterclock=False,
    colors=["#3ddc84", "#555555", "#cccccc"],
    wedgeprops=dict(width=0.38, edgecolor="white"),
    pctdistance=0.8,
)
for t in autotexts2:
    t.set_color("white")
    t.set_fontweight("bold")
ax2.text(0, 0, "Mobile OS\n2023", ha="center", va="center", fontsize=12)
ax2.set_title("Mobile operating systems")
fig.suptitle("Global market share (%)", fontsize=14)
fig.tight_layout()
plt.show()
