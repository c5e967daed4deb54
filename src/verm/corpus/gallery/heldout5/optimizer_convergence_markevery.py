# Training loss of four optimisers on a log y axis, markers thinned with markevery, and a shaded warm-up phase
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("tableau-colorblind10")

steps = np.arange(0, 5001, 10)
rng = np.random.default_rng(31415)
configs = {
    "SGD": (2.3, 0.00045, 0.28, "o"),
    "SGD + momentum": (2.3, 0.0011, 0.17, "s"),
    "Adam": (2.3, 0.0024, 0.11, "^"),
    "AdamW + cosine": (2.3, 0.0021, 0.075, "D"),
}

fig, ax = plt.subplots(figsize=(9, 5))
for name, (start, rate, floor, marker) in configs.items():
    loss = floor + (start - floor) * np.exp(-rate * steps)
    loss *= np.exp(rng.normal(0, 0.03, steps.size))
    ax.plot(steps, loss, marker=marker, markevery=(5, 40), ms=6, lw=1.4, label=f"{name} (final {loss[-1]:.3f})")

ax.axvspan(0, 500, color="0.85", zorder=0)
ax.text(250, 2.6, "warm-up", ha="center", fontsize=9, color="0.3")
ax.set_yscale("log")
ax.set_ylim(0.05, 3.5)
ax.set_xlim(0, 5000)
ax.set_xlabel("Optimisation step")
ax.set_ylabel("Training loss (cross-entropy)")
ax.set_title("ResNet-18 on CIFAR-10, batch 256")
ax.grid(True, which="both", alpha=0.3)
ax.legend(title="Optimiser", loc="upper right")
fig.tight_layout()
plt.show()
