# Neural-network activation functions on axes with spines centred at the origin and custom rcParams
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update(
    {
        "font.family": "DejaVu Sans Mono",
        "font.size": 10,
        "lines.linewidth": 2.0,
        "axes.prop_cycle": plt.cycler(color=["#264653", "#2a9d8f", "#e9c46a", "#f4a261", "#e76f51"]),
        "legend.frameon": False,
        "figure.facecolor": "#fbfaf5",
        "axes.facecolor": "#fbfaf5",
    }
)

x = np.linspace(-4, 4, 401)
plt.figure(figsize=(8, 5.5))
plt.plot(x, np.maximum(0, x), label="ReLU")
plt.plot(x, np.where(x > 0, x, 0.1 * x), ls="--", label="Leaky ReLU (0.1)")
plt.plot(x, np.tanh(x), label="tanh")
plt.plot(x, 1 / (1 + np.exp(-x)), label="sigmoid")
plt.plot(x, x / (1 + np.exp(-1.702 * x)), ls="-.", label="GELU (approx.)")

ax = plt.gca()
ax.spines["left"].set_position("zero")
ax.spines["bottom"].set_position("zero")
ax.spines["right"].set_visible(False)
ax.spines["top"].set_visible(False)
ax.plot(1, 0, ">k", transform=ax.get_yaxis_transform(), clip_on=False)
ax.plot(0, 1, "^k", transform=ax.get_xaxis_transform(), clip_on=False)
plt.xlim(-4, 4)
plt.ylim(-1.5, 4)
plt.xticks([-4, -3, -2, -1, 1, 2, 3, 4])
plt.yticks([-1, 1, 2, 3, 4])
plt.text(3.9, -0.35, "x", ha="right", fontsize=12)
plt.text(0.12, 3.85, "f(x)", va="top", fontsize=12)
plt.legend(loc="upper left")
plt.title("Common activation functions")
plt.tight_layout()
plt.show()
