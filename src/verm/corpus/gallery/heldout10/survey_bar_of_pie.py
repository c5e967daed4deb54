# Bar-of-pie chart: how respondents commute, with the "Active travel" slice broken out into a stacked bar joined by connector lines
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import ConnectionPatch

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9.5, 5))
fig.subplots_adjust(wspace=0)
shares = [0.41, 0.27, 0.19, 0.13]
labels = ["Car", "Public transport", "Active travel", "Work from home"]
explode = [0, 0, 0.08, 0]
angle = -360 * (shares[0] + shares[1]) - 180 * shares[2]
wedges, *_ = ax1.pie(
    shares,
    autopct="%1.0f%%",
    startangle=angle,
    labels=labels,
    explode=explode,
    colors=["#4c72b0", "#55a868", "#dd8452", "#8172b3"],
    pctdistance=0.72,
    wedgeprops=dict(edgecolor="white", linewidth=1.2),
    textprops=dict(fontsize=10),
)
ax1.set_title("Main commute mode (n = 1,482)")

sub = [0.52, 0.33, 0.15]
sub_labels = ["Cycling", "Walking", "E-scooter"]
bottom = 1.0
width = 0.22
for j, (h, lab) in enumerate(reversed(list(zip(sub, sub_labels)))):
    bottom -= h
    bc = ax2.bar(0, h, width, bottom=bottom, color="#dd8452", alpha=0.35 + 0.25 * j, label=lab, edgecolor="white")
    ax2.bar_label(bc, labels=[f"{h:.0%}"], label_type="center", fontsize=10)
ax2.set_title("Active travel by mode")
ax2.legend(loc="center right", frameon=False, bbox_to_anchor=(1.0, 0.5))
ax2.axis("off")
ax2.set_xlim(-2.5 * width, 2.5 * width)

theta1, theta2 = wedges[2].theta1, wedges[2].theta2
center, r = wedges[2].center, wedges[2].r
bar_height = sum(sub)
for theta, ybar in [(theta2, bar_height), (theta1, 0)]:
    x = r * np.cos(np.pi / 180 * theta) + center[0]
    y = r * np.sin(np.pi / 180 * theta) + center[1]
    con = ConnectionPatch(xyA=(-width / 2, ybar), coordsA=ax2.transData, xyB=(x, y), coordsB=ax1.transData)
    con.set_color("0.3")
    con.set_linewidth(1.2)
    ax2.add_artist(con)
fig.text(0.02, 0.03, "Source: staff travel survey, spring wave", fontsize=8, color="0.4")
