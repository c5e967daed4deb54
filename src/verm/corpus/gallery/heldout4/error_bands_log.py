# Learning curves of validation loss vs training steps on log-log axes for three model sizes, mean with min-max and +/-1 sd bands over five seeds
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-poster")

rng = np.random.default_rng(4108)
steps = np.unique(np.logspace(2, 5.3, 60).astype(int))
models = {"small (20M)": (3.4, 0.09, 2.2), "base (110M)": (3.2, 0.12, 1.85), "large (350M)": (3.1, 0.14, 1.6)}
colors = ["#66c2a5", "#fc8d62", "#8da0cb"]

fig, ax = plt.subplots(figsize=(13, 8.5))
for (name, (a, b, floor)), color in zip(models.items(), colors):
    runs = []
    for _ in range(5):
        noise = rng.normal(0, 0.025, steps.size).cumsum() * 0.15
        runs.append(floor + a * (steps / 100.0) ** (-b * 2.2) + noise + rng.normal(0, 0.02, steps.size))
    runs = np.array(runs)
    mean, sd = runs.mean(axis=0), runs.std(axis=0)
    ax.fill_between(steps, runs.min(axis=0), runs.max(axis=0), color=color, alpha=0.15, lw=0)
    ax.fill_between(steps, mean - sd, mean + sd, color=color, alpha=0.35, lw=0)
    ax.plot(steps, mean, color=color, lw=3, label=name)
    best = np.argmin(mean)
    ax.annotate(
        f"{mean[best]:.2f}",
        xy=(steps[best], mean[best]),
        xytext=(10, -28),
        textcoords="offset points",
        fontsize=14,
        color=color,
        fontweight="bold",
        arrowprops=dict(arrowstyle="->", color=color),
    )

ax.set_xscale("log")
ax.set_yscale("log")
ax.set_yticks([1.6, 2, 2.5, 3, 4, 5], ["1.6", "2.0", "2.5", "3.0", "4.0", "5.0"])
ax.minorticks_off()
ax.set_xlabel("training steps")
ax.set_ylabel("validation loss")
ax.axvspan(100, 1000, color="0.9", zorder=0)
ax.text(130, 1.62, "warm-up", fontsize=15, color="0.4")
ax.legend(title="model size, 5 seeds", loc="upper right")
ax.set_title("Bigger models reach lower loss (band: \u00b11 sd, shade: min-max)")
fig.tight_layout()
