# Ridgeline (joyplot) of daily maximum temperature distributions for each month, drawn as offset filled density curves
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update(
    {
        "font.family": "DejaVu Sans",
        "axes.edgecolor": "none",
        "figure.facecolor": "#f7f4ef",
        "axes.facecolor": "none",
        "xtick.color": "0.3",
    }
)

rng = np.random.default_rng(4104)
months = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
centres = 10 + 12 * np.sin((np.arange(12) - 3.3) / 12 * 2 * np.pi)
spreads = 3.0 + 1.2 * np.cos(np.arange(12) / 12 * 2 * np.pi)
grid = np.linspace(-10, 40, 400)
cmap = plt.get_cmap("coolwarm")

fig, ax = plt.subplots(figsize=(7.5, 8.5))
step = 0.075
for i, (name, mu, sd) in enumerate(zip(months, centres, spreads)):
    days = np.concatenate([rng.normal(mu, sd, 28), rng.normal(mu + 4, sd * 0.6, 3)])
    bw = 1.06 * days.std() * days.size ** (-0.2)
    dens = np.exp(-0.5 * ((grid[:, None] - days[None, :]) / bw) ** 2).sum(axis=1)
    dens /= days.size * bw * np.sqrt(2 * np.pi)
    base = (11 - i) * step
    color = cmap((mu + 2) / 26)
    ax.fill_between(grid, base, base + dens, color=color, alpha=0.85, zorder=20 - i, lw=0)
    ax.plot(grid, base + dens, color="white", lw=1.2, zorder=20 - i)
    ax.plot(grid, np.full_like(grid, base), color="0.35", lw=0.5, zorder=20 - i)
    ax.text(-11, base + 0.008, name, ha="right", va="bottom", fontsize=10, fontweight="bold", color="0.25")
    ax.plot(
        [np.median(days)] * 2,
        [base, base + dens[np.abs(grid - np.median(days)).argmin()]],
        color="0.15",
        lw=1,
        zorder=20 - i,
    )

ax.set_xlim(-10, 40)
ax.set_yticks([])
ax.set_xlabel("Daily maximum temperature (\u00b0C)")
ax.set_title("How warm does each month get?", fontsize=14, fontweight="bold", loc="left", x=-0.2)
ax.text(1.0, -0.09, "black tick = monthly median", transform=ax.transAxes, ha="right", fontsize=8)
fig.subplots_adjust(left=0.2, right=0.96, top=0.93, bottom=0.08)
