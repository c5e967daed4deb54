# Reaction energy profile with catalysed and uncatalysed paths, activation energies marked by double-headed FancyArrowPatch arrows
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyArrowPatch

plt.style.use("seaborn-v0_8-pastel")
plt.rcParams.update({"font.family": "serif"})


def profile(x, levels, centers):
    """Smooth steps from one state's energy to the next, one sigmoid per step (barriers are added after)."""
    y = np.full_like(x, levels[0])
    for i, c in enumerate(centers):
        y += (levels[i + 1] - levels[i]) / (1 + np.exp(-(x - c) / 0.12))
    return y


x = np.linspace(0, 6, 600)
uncat = profile(x, [0, -30], [3.0]) + 95 * np.exp(-((x - 3.0) ** 2) / (2 * 0.45**2))
cat = (
    profile(x, [0, -12, -30], [2.0, 4.0])
    + 48 * np.exp(-((x - 1.7) ** 2) / 0.18)
    + 40 * np.exp(-((x - 4.2) ** 2) / 0.18)
)

fig, ax = plt.subplots(figsize=(8.5, 5.5))
ax.plot(x, uncat, color="#d62728", lw=2.2, label="uncatalysed")
ax.plot(x, cat, color="#1f77b4", lw=2.2, ls="--", label="with catalyst")
ax.hlines(0, 0, 6, color="0.6", lw=0.8, ls=":")
ax.hlines(-30, 0, 6, color="0.6", lw=0.8, ls=":")
peak_u = uncat.max()
peak_c = cat[x < 3].max()
ax.add_patch(FancyArrowPatch((3.0, 0), (3.0, peak_u), arrowstyle="<|-|>", mutation_scale=14, color="#d62728", lw=1.3))
ax.text(3.08, peak_u / 2, f"$E_a$ = {peak_u:.0f} kJ/mol", color="#d62728", va="center")
ax.add_patch(FancyArrowPatch((1.7, 0), (1.7, peak_c), arrowstyle="<->", mutation_scale=14, color="#1f77b4", lw=1.3))
ax.text(1.62, peak_c / 2, f"$E_a$ = {peak_c:.0f}", color="#1f77b4", va="center", ha="right")
ax.add_patch(FancyArrowPatch((5.5, 0), (5.5, -30), arrowstyle="-|>", mutation_scale=14, color="0.25", lw=1.3))
ax.text(5.58, -15, r"$\Delta H$ = −30", va="center", color="0.25")
ax.add_patch(
    FancyArrowPatch(
        (4.4, 72),
        (1.85, 49),
        connectionstyle="arc3,rad=0.25",
        arrowstyle="-|>",
        mutation_scale=12,
        color="0.45",
        lw=1,
        shrinkA=4,
        shrinkB=4,
    )
)
ax.text(4.45, 72, "transition state\nlowered by catalyst", fontsize=9, va="center")
ax.text(0.1, 4, "reactants\nA + B", fontsize=9)
ax.text(5.1, -40, "products\nAB", fontsize=9)
ax.set_xlim(0, 6)
ax.set_ylim(-48, 105)
ax.set_xticks([])
ax.set_xlabel("Reaction coordinate")
ax.set_ylabel("Potential energy (kJ/mol)")
ax.legend(loc="upper right")
ax.set_title("Energy profile of A + B → AB")
fig.tight_layout()
plt.show()
