# Conversion funnel of an online shop checkout, centred horizontal bars with trapezoid connectors and step conversion rates
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("fivethirtyeight")

stages = ["Visited site", "Viewed product", "Added to cart", "Started checkout", "Entered payment", "Purchased"]
users = np.array([48200, 21950, 7310, 4120, 2870, 2240])
colors = plt.cm.Blues(np.linspace(0.85, 0.35, len(stages)))

fig, ax = plt.subplots(figsize=(8, 6))
y = np.arange(len(stages))[::-1] * 1.0
height = 0.62
ax.barh(y, users, left=-users / 2, height=height, color=colors, edgecolor="none")
for k in range(len(stages) - 1):
    top, bottom = y[k] - height / 2, y[k + 1] + height / 2
    ax.fill(
        [-users[k] / 2, users[k] / 2, users[k + 1] / 2, -users[k + 1] / 2],
        [top, top, bottom, bottom],
        color=colors[k],
        alpha=0.25,
        lw=0,
    )
    ax.text(
        users[0] * 0.36,
        (top + bottom) / 2,
        f"{users[k + 1] / users[k]:.0%} continue",
        va="center",
        fontsize=9,
        color="0.35",
        style="italic",
    )
for yi, name, n in zip(y, stages, users):
    ax.text(
        0,
        yi,
        f"{name}\n{n:,}",
        ha="center",
        va="center",
        fontsize=10,
        color="white" if n > 6000 else "black",
        fontweight="bold",
    )
ax.set_yticks([])
ax.set_xticks([])
ax.set_xlim(-users[0] / 2 * 1.05, users[0] / 2 * 1.05)
ax.grid(False)
ax.set_title(f"Checkout funnel, March: {users[-1] / users[0]:.1%} of visitors buy", fontsize=14)
fig.tight_layout()
plt.show()
