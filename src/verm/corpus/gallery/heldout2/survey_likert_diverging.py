# Employee survey answers on five statements as diverging horizontal stacked bars (Likert scale)
import matplotlib.pyplot as plt
import numpy as np

statements = [
    "I have the tools I need",
    "My manager gives useful feedback",
    "Meetings are a good use of my time",
    "I see a path to promotion",
    "I would recommend working here",
]
levels = ["Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree"]
counts = np.array(
    [
        [4, 11, 18, 52, 35],
        [9, 17, 25, 44, 25],
        [22, 38, 31, 21, 8],
        [15, 29, 34, 30, 12],
        [5, 9, 22, 49, 35],
    ]
)
pct = counts / counts.sum(axis=1, keepdims=True) * 100
colors = ["#ca0020", "#f4a582", "#d9d9d9", "#92c5de", "#0571b0"]

# Center the neutral block on zero
left = -(pct[:, 0] + pct[:, 1] + pct[:, 2] / 2)

fig, ax = plt.subplots(figsize=(10, 4.2))
y = np.arange(len(statements))
for k, level in enumerate(levels):
    ax.barh(y, pct[:, k], left=left, color=colors[k], label=level, height=0.6)
    left = left + pct[:, k]

ax.axvline(0, color="black", linewidth=0.8)
ax.set_yticks(y, statements)
ax.invert_yaxis()
ax.set_xlim(-70, 90)
ax.set_xticks(range(-60, 91, 20))
ax.set_xticklabels([f"{abs(t)}%" for t in range(-60, 91, 20)])
ax.set_xlabel("Share of respondents (n = 120)")
ax.legend(ncols=5, bbox_to_anchor=(0.5, 1.02), loc="lower center", fontsize=8, frameon=False)
for side in ("top", "right", "left"):
    ax.spines[side].set_visible(False)
ax.tick_params(axis="y", length=0)
plt.tight_layout()
plt.show()
