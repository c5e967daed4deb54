# Treemap of sector market capitalisation laid out by hand (slice-and-dice), coloured by daily % change.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib import colors as mcolors
from matplotlib.patches import Rectangle

sectors = {
    "Technology": [("AAPL", 2950), ("MSFT", 2800), ("NVDA", 2200), ("AVGO", 620), ("ORCL", 330)],
    "Health care": [("LLY", 720), ("UNH", 480), ("JNJ", 380), ("MRK", 300)],
    "Financials": [("BRK", 870), ("JPM", 560), ("V", 540), ("MA", 430)],
    "Consumer": [("AMZN", 1850), ("TSLA", 560), ("HD", 350), ("MCD", 200)],
    "Energy": [("XOM", 460), ("CVX", 290)],
}
rng = np.random.default_rng(8)
change = {t: c for group in sectors.values() for t, c in zip([t for t, _ in group], rng.normal(0.2, 1.6, len(group)))}
norm = mcolors.TwoSlopeNorm(vmin=-3, vcenter=0, vmax=3)
cmap = plt.get_cmap("RdYlGn")

fig, ax = plt.subplots(figsize=(11, 6.5))
totals = {k: sum(v for _, v in g) for k, g in sectors.items()}
grand = sum(totals.values())
x = 0.0
for sector, group in sectors.items():
    w = totals[sector] / grand
    y = 0.0
    for ticker, cap in sorted(group, key=lambda tv: -tv[1]):
        h = cap / totals[sector]
        ax.add_patch(Rectangle((x, y), w, h, facecolor=cmap(norm(change[ticker])), edgecolor="white", lw=2))
        if h * w > 0.004:
            ax.text(
                x + w / 2,
                y + h / 2,
                f"{ticker}\n{change[ticker]:+.1f}%",
                ha="center",
                va="center",
                fontsize=9 if h * w > 0.02 else 7,
                color="black",
            )
        y += h
    ax.add_patch(Rectangle((x, 0), w, 1, fill=False, edgecolor="black", lw=2.5))
    ax.text(x + 0.005, 1.01, sector, ha="left", va="bottom", fontsize=10, fontweight="bold")
    x += w
ax.set_xlim(0, 1)
ax.set_ylim(0, 1.06)
ax.axis("off")
sm = plt.cm.ScalarMappable(norm=norm, cmap=cmap)
cb = fig.colorbar(sm, ax=ax, orientation="horizontal", fraction=0.04, pad=0.02, aspect=50)
cb.set_label("Daily change (%)")
ax.set_title("S&P heavyweights by sector, box area = market cap ($bn)", fontsize=13, loc="left", pad=18)
