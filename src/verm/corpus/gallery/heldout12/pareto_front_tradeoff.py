# Multi-objective design search: candidate aircraft wings by drag and mass, the non-dominated Pareto front, dominated region and knee point.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(61)
n = 260
u = rng.random(n)
front_drag = 180 + 260 * u
front_mass = 900 + 52000 / (front_drag - 120)
drag = front_drag + rng.exponential(35, n)
mass = front_mass + rng.exponential(120, n)
generation = rng.integers(1, 21, n)

order = np.argsort(drag)
pareto, best = [], np.inf
for i in order:
    if mass[i] < best:
        pareto.append(i)
        best = mass[i]
pareto = np.array(pareto)
px, py = drag[pareto], mass[pareto]
norm_x = (px - px.min()) / np.ptp(px)
norm_y = (py - py.min()) / np.ptp(py)
knee = np.argmin(np.hypot(norm_x, norm_y))

with plt.style.context("ggplot"):
    fig, ax = plt.subplots(figsize=(9, 6.5))
    sc = ax.scatter(
        drag, mass, c=generation, cmap="Blues", s=22, edgecolors="#555555", lw=0.3, label="evaluated designs"
    )
    sx = np.concatenate([[px[0]], np.repeat(px[1:], 2), [drag.max() + 20]])
    sy = np.repeat(py, 2)
    ax.fill_between(sx, sy, mass.max() + 200, color="#cccccc", alpha=0.35, lw=0, label="dominated region")
    ax.step(px, py, where="post", color="#d62728", lw=2, label=f"Pareto front ({len(pareto)} designs)")
    ax.plot(px, py, "o", color="#d62728", ms=5)
    ax.plot(px[knee], py[knee], "*", color="gold", mec="black", ms=18, zorder=5)
    ax.annotate(
        f"knee: {px[knee]:.0f} counts, {py[knee]:.0f} kg",
        (px[knee], py[knee]),
        xytext=(40, 60),
        textcoords="offset points",
        arrowprops=dict(arrowstyle="->", color="black"),
        fontsize=10,
    )
    ax.annotate(
        "",
        xy=(drag.min() - 5, mass.min() - 30),
        xytext=(drag.min() + 50, mass.min() + 140),
        arrowprops=dict(arrowstyle="->", lw=2, color="#2ca02c"),
    )
    ax.text(drag.min() + 52, mass.min() + 150, "better", color="#2ca02c", fontsize=10)
    ax.set_xlim(drag.min() - 15, drag.max() + 10)
    ax.set_ylim(mass.min() - 60, np.percentile(mass, 97))
    ax.set_xlabel("Cruise drag (counts)")
    ax.set_ylabel("Wing structural mass (kg)")
    ax.set_title("NSGA-II wing optimisation, 20 generations")
    cb = fig.colorbar(sc, ax=ax, pad=0.02)
    cb.set_label("generation")
    ax.legend(loc="upper right", facecolor="white")
    fig.tight_layout()
