# Learning curves of four optimisers with a summary table of final metrics placed under the axes.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(31)
epochs = np.arange(1, 51)
runs = {
    "SGD": (0.62, 0.05),
    "SGD + momentum": (0.48, 0.08),
    "Adam": (0.41, 0.14),
    "AdamW": (0.37, 0.12),
}
fig, ax = plt.subplots(figsize=(8, 6.2))
rows = []
for name, (floor, rate) in runs.items():
    acc = 1 - (floor + (1 - floor) * np.exp(-rate * epochs)) * 0.5
    acc = acc + rng.normal(0, 0.004, epochs.size)
    (line,) = ax.plot(epochs, acc * 100, lw=1.8, label=name)
    best = acc.max() * 100
    rows.append([name, f"{acc[-1] * 100:.1f}", f"{best:.1f}", f"{int(np.argmax(acc)) + 1}"])

ax.set_xlim(1, 50)
ax.set_ylabel("Validation accuracy (%)")
ax.set_xlabel("Epoch")
ax.legend(loc="lower right")
ax.grid(alpha=0.3)
ax.set_title("CIFAR-10, ResNet-18, batch 128")

table = ax.table(
    cellText=rows,
    colLabels=["Optimiser", "Final acc. (%)", "Best acc. (%)", "Best epoch"],
    loc="bottom",
    bbox=[0.0, -0.52, 1.0, 0.33],
    cellLoc="center",
)
table.auto_set_font_size(False)
table.set_fontsize(9)
for (row, _col), cell in table.get_celld().items():
    if row == 0:
        cell.set_facecolor("#dde6f0")
        cell.set_text_props(fontweight="bold")
fig.subplots_adjust(left=0.1, right=0.97, top=0.94, bottom=0.36)
plt.show()
