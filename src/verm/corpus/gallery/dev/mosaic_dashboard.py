"""A dashboard laid out with subplot_mosaic: a wide time series, a bar panel, a scatter and a text panel."""

import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(77)
days = np.arange(90)
visits = 1200 + 300 * np.sin(days / 7 * 2 * np.pi) + np.cumsum(rng.normal(5, 40, days.size))
sources = {"search": 41, "direct": 27, "social": 18, "email": 9, "other": 5}

fig, axd = plt.subplot_mosaic(
    [["trend", "trend", "sources"], ["scatter", "scatter", "notes"]],
    figsize=(10, 6),
    layout="constrained",
)
axd["trend"].plot(days, visits, color="tab:blue")
axd["trend"].fill_between(days, visits.min(), visits, alpha=0.15)
axd["trend"].set_title("Daily visits")
axd["trend"].set_xlabel("day of quarter")

axd["sources"].barh(list(sources), list(sources.values()), color="tab:gray")
axd["sources"].invert_yaxis()
axd["sources"].set_title("Traffic source (%)")

duration = rng.gamma(3, 40, 250)
pages = np.clip(np.round(duration / 30 + rng.normal(0, 1, 250)), 1, None)
axd["scatter"].scatter(duration, pages, s=10, alpha=0.6, color="tab:green")
axd["scatter"].set_xlabel("session length (s)")
axd["scatter"].set_ylabel("pages viewed")
axd["scatter"].set_title("Engagement")

axd["notes"].axis("off")
axd["notes"].text(0.0, 0.95, "Quarter summary", fontsize=12, fontweight="bold", va="top")
notes = ["Visits up 14 % on last quarter", "Search share stable", "Bounce rate 38 %", "Mobile share 61 %"]
for i, line in enumerate(notes):
    axd["notes"].text(0.0, 0.75 - i * 0.17, "• " + line, fontsize=9, va="top")
fig.suptitle("Web analytics, Q3")
plt.show()
