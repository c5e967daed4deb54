# Text-table figure of model benchmark results, drawn cell by cell with text and shaded rows, best scores in bold and deltas coloured
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Rectangle

plt.rcParams.update({"font.family": "DejaVu Sans Mono", "font.size": 10})

models = ["Baseline CNN", "ResNet-50", "ViT-B/16", "ConvNeXt-T", "EfficientNet-B3", "Ours"]
columns = ["Params (M)", "Top-1 (%)", "Top-5 (%)", "Latency (ms)", "Δ Top-1"]
values = np.array(
    [
        [11.2, 71.4, 89.9, 4.1],
        [25.6, 76.1, 92.9, 7.8],
        [86.6, 79.8, 94.6, 19.5],
        [28.6, 82.1, 95.9, 9.2],
        [12.2, 81.6, 95.7, 11.4],
        [24.1, 83.0, 96.3, 8.6],
    ]
)
delta = values[:, 1] - values[0, 1]
best = [values[:, 0].argmin(), values[:, 1].argmax(), values[:, 2].argmax(), values[:, 3].argmin()]

fig, ax = plt.subplots(figsize=(9, 3.6))
ax.set_xlim(0, 10)
ax.set_ylim(len(models) + 1.2, -0.2)
ax.axis("off")
col_x = [0.1, 3.6, 5.0, 6.3, 7.6, 9.0]
ax.text(col_x[0], 0.5, "Model", fontweight="bold", va="center")
for x, name in zip(col_x[1:], columns):
    ax.text(x, 0.5, name, fontweight="bold", va="center", ha="center")
ax.plot([0, 10], [1, 1], color="black", lw=1.5)
ax.plot([0, 10], [0, 0], color="black", lw=1.5)
for i, model in enumerate(models):
    y = i + 1.5
    if i % 2 == 1:
        ax.add_patch(Rectangle((0, y - 0.5), 10, 1, color="#eef2f7", zorder=0))
    ax.text(col_x[0], y, model, va="center", fontstyle="italic" if model == "Ours" else "normal")
    for j in range(4):
        weight = "bold" if best[j] == i else "normal"
        ax.text(col_x[j + 1], y, f"{values[i, j]:.1f}", ha="center", va="center", fontweight=weight)
    sign_color = "#1a9850" if delta[i] > 0 else "0.4"
    ax.text(col_x[5], y, "—" if i == 0 else f"{delta[i]:+.1f}", ha="center", va="center", color=sign_color)
ax.plot([0, 10], [len(models) + 1, len(models) + 1], color="black", lw=1.5)
ax.set_title("Table 2. ImageNet-1k validation results (224 px, batch 1 on one A100)", loc="left", fontsize=11)
fig.tight_layout()
plt.show()
