# Ishikawa (fishbone) cause-and-effect diagram for late pizza deliveries, drawn with lines, arrows and text
import matplotlib.pyplot as plt

plt.rcParams.update({"font.family": "DejaVu Serif"})

causes = {
    "People": ["new drivers unfamiliar\nwith area", "understaffed Fri/Sat", "order taker errors"],
    "Methods": ["batching orders\nby zone", "no route planning", "manual dispatch"],
    "Machines": ["oven too small\nat peak", "scooter breakdowns", "POS freezes"],
    "Materials": ["dough not prepped", "boxes out of stock", "topping shortages"],
    "Environment": ["rain and snow", "rush-hour traffic", "road works on A-street"],
    "Measurement": ["promised time\nnot tracked", "GPS lag", "no peak forecast"],
}

fig, ax = plt.subplots(figsize=(12, 6))
ax.set_xlim(0, 12)
ax.set_ylim(0, 6.6)
ax.axis("off")

spine_y, head_x = 3.0, 10.2
ax.annotate(
    "",
    xy=(head_x, spine_y),
    xytext=(0.5, spine_y),
    arrowprops={"arrowstyle": "-|>", "lw": 3, "color": "#2c3e50", "mutation_scale": 25},
)
ax.text(
    head_x + 0.1,
    spine_y,
    "Deliveries\n> 30 min late",
    ha="left",
    va="center",
    fontsize=12,
    weight="bold",
    color="white",
    bbox={"boxstyle": "round,pad=0.6", "fc": "#c0392b", "ec": "none"},
)

xs = [2.6, 5.4, 8.2]
for i, (cat, items) in enumerate(causes.items()):
    top = i < 3
    x_end = xs[i % 3]
    y_tip = 5.4 if top else 0.6
    x_tip = x_end - 1.4
    ax.plot([x_tip, x_end], [y_tip, spine_y], color="#34495e", lw=2)
    ax.text(
        x_tip,
        y_tip + (0.12 if top else -0.12),
        cat,
        ha="center",
        va="bottom" if top else "top",
        fontsize=11,
        weight="bold",
        bbox={"boxstyle": "square,pad=0.35", "fc": "#d6eaf8", "ec": "#34495e"},
    )
    for j, item in enumerate(items):
        f = 0.25 + 0.27 * j
        bx = x_tip + (x_end - x_tip) * f
        by = y_tip + (spine_y - y_tip) * f
        ax.annotate(
            item,
            xy=(bx, by),
            xytext=(bx - 1.05, by),
            ha="right",
            va="center",
            fontsize=8.5,
            arrowprops={"arrowstyle": "->", "lw": 0.9, "color": "0.35"},
        )

ax.text(0.3, 6.5, "Root-cause analysis - store #114, Q3 review", fontsize=13, weight="bold", va="top")
fig.tight_layout()
