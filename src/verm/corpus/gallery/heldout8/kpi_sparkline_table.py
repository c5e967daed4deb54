# A KPI table with sparklines: one row per metric with name, current value, change and a tiny trend line with min/max dots.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(90)
metrics = [
    ("Weekly active users", "k", 412, 1.2),
    ("Signups", "", 3810, 1.6),
    ("Conversion rate", "%", 3.4, -0.8),
    ("Churn", "%", 2.1, -0.3),
    ("Avg. order value", "$", 58.2, 0.4),
    ("Support tickets", "", 640, 0.9),
    ("NPS", "", 41, 0.2),
]
weeks = 26
fig = plt.figure(figsize=(8.5, 5.2))
gs = fig.add_gridspec(len(metrics) + 1, 4, width_ratios=[3.2, 1.2, 1.0, 3.0], hspace=0.15, wspace=0.05)
for c, head in enumerate(["Metric", "Now", "vs 4w", "Last 26 weeks"]):
    ax = fig.add_subplot(gs[0, c])
    ax.text(
        0.0 if c in (0, 3) else 1.0, 0.2, head, ha="left" if c in (0, 3) else "right", fontweight="bold", fontsize=10
    )
    ax.axhline(0, color="k", lw=1)
    ax.axis("off")
for r, (name, unit, now, drift) in enumerate(metrics, start=1):
    series = now * (1 + np.cumsum(rng.normal(drift / 100, 0.03, weeks)) - np.cumsum(np.full(weeks, drift / 100))[-1])
    series[-1] = now
    change = (series[-1] - series[-5]) / series[-5] * 100
    good = change > 0 if name not in ("Churn", "Support tickets") else change < 0
    cells = [fig.add_subplot(gs[r, c]) for c in range(4)]
    cells[0].text(0, 0.5, name, va="center", fontsize=10)
    val = f"${now:,.1f}" if unit == "$" else f"{now:,.1f}{unit}" if unit == "%" else f"{now:,}{unit}"
    cells[1].text(1, 0.5, val, va="center", ha="right", fontsize=10, family="monospace")
    cells[2].text(
        1, 0.5, f"{change:+.1f}%", va="center", ha="right", fontsize=9, color="#1a9850" if good else "#d73027"
    )
    sp = cells[3]
    sp.plot(series, color="0.3", lw=1)
    sp.plot(series.argmax(), series.max(), "o", color="#1a9850", ms=3)
    sp.plot(series.argmin(), series.min(), "o", color="#d73027", ms=3)
    sp.plot(weeks - 1, series[-1], "o", color="k", ms=3)
    sp.fill_between(range(weeks), series.min(), series, color="0.85")
    sp.margins(x=0.03, y=0.15)
    for c in cells[:3]:
        c.set_xlim(0, 1)
        c.axis("off")
    sp.axis("off")
fig.suptitle("Growth dashboard · week 14", x=0.125, ha="left", fontsize=13)
fig.subplots_adjust(left=0.04, right=0.97, top=0.9, bottom=0.04)
