# Hand-drawn (plt.xkcd) line chart of productivity against cups of coffee, with a labelled peak and a jittery crash
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(42)
with plt.xkcd(scale=1, length=100, randomness=2):
    fig, ax = plt.subplots(figsize=(8, 5.5))
    cups = np.linspace(0, 8, 120)
    productivity = 30 + 60 * cups * np.exp(-cups / 2.4) / 2.4 / np.exp(-1)
    productivity[cups > 5] -= 9 * (cups[cups > 5] - 5) ** 1.6
    jitter = np.where(cups > 5.5, rng.normal(0, 3, cups.size), 0)
    ax.plot(cups, productivity + jitter, lw=2.5, color="tab:brown")
    ax.fill_between(cups, 0, productivity + jitter, where=cups > 5.5, color="tab:red", alpha=0.15)

    ax.annotate(
        "PEAK FOCUS\n(cup #2.4)", xy=(2.4, 90), xytext=(3.6, 100), arrowprops=dict(arrowstyle="->"), fontsize=11
    )
    ax.annotate("HANDS\nSTART\nSHAKING", xy=(6.3, 45), xytext=(6.6, 80), arrowprops=dict(arrowstyle="->"), fontsize=11)
    ax.text(0.2, 20, "before coffee:\nbarely human", fontsize=10)

    ax.set_xlim(0, 8)
    ax.set_ylim(0, 115)
    ax.set_xticks(range(9))
    ax.set_yticks([])
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_xlabel("cups of coffee today")
    ax.set_ylabel("productivity")
    ax.set_title("MY DAY, QUANTIFIED")
    fig.text(0.98, 0.01, "data: one very tired person", ha="right", fontsize=9)
    fig.tight_layout()
