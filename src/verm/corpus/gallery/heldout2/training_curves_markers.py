# Validation loss per epoch for four optimizers, lines with markers and a custom style cycle, log y axis
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(7)
epochs = np.arange(1, 31)

plt.rcParams["axes.prop_cycle"] = (
    plt.cycler(color=["#1b9e77", "#d95f02", "#7570b3", "#e7298a"])
    + plt.cycler(marker=["o", "s", "^", "D"])
    + plt.cycler(linestyle=["-", "--", "-.", ":"])
)
plt.rcParams["font.family"] = "DejaVu Serif"

curves = {
    "SGD": 2.3 * np.exp(-epochs / 14) + 0.35,
    "SGD + momentum": 2.3 * np.exp(-epochs / 8) + 0.28,
    "Adam": 2.3 * np.exp(-epochs / 4) + 0.24 + 0.004 * epochs,
    "AdamW": 2.3 * np.exp(-epochs / 4.5) + 0.21,
}

plt.figure(figsize=(7, 4.5))
for name, loss in curves.items():
    noisy = loss * (1 + 0.03 * rng.standard_normal(len(epochs)))
    plt.plot(epochs, noisy, label=name, markersize=4, markevery=3, linewidth=1.5)

plt.yscale("log")
plt.xlabel("Epoch")
plt.ylabel("Validation cross-entropy")
plt.title("ResNet-18 on CIFAR-10: validation loss")
plt.grid(True, which="both", alpha=0.3)
plt.legend(title="Optimizer", frameon=True)
plt.xlim(0, 31)
plt.tight_layout()
plt.show()
