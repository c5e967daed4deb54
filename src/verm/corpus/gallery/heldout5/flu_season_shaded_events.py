# Weekly influenza-like-illness rate over two seasons with shaded holiday and school-break periods and annotated peaks
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-whitegrid")

weeks = np.arange("2022-09-05", "2024-06-03", 7, dtype="datetime64[D]")
t = np.arange(len(weeks))
rng = np.random.default_rng(4117)

# Two seasonal waves (peaks near late December and early February) on a low summer baseline.
baseline = 1.1 + 0.25 * np.cos(2 * np.pi * t / 52.0)
wave1 = 6.2 * np.exp(-0.5 * ((t - 15) / 3.2) ** 2)
wave2 = 4.1 * np.exp(-0.5 * ((t - 74) / 4.5) ** 2)
ili = baseline + wave1 + wave2 + rng.normal(0, 0.18, len(t))
ili = np.clip(ili, 0.4, None)
threshold = 2.5

fig, ax = plt.subplots(figsize=(10, 4.6))
ax.plot(weeks, ili, color="#1f5f8b", lw=2, label="ILI visits (% of all visits)")
ax.fill_between(
    weeks,
    threshold,
    ili,
    where=ili > threshold,
    interpolate=True,
    color="#e07a5f",
    alpha=0.35,
    label="Above epidemic threshold",
)
ax.axhline(threshold, color="#e07a5f", ls="--", lw=1.2)
ax.text(weeks[-1], threshold + 0.12, "epidemic threshold 2.5%", ha="right", va="bottom", color="#b5523b", fontsize=9)

events = [
    ("2022-12-19", "2023-01-02", "Winter break"),
    ("2023-04-03", "2023-04-10", "Spring break"),
    ("2023-12-18", "2024-01-01", "Winter break"),
    ("2024-03-25", "2024-04-01", "Spring break"),
]
for start, end, name in events:
    ax.axvspan(np.datetime64(start), np.datetime64(end), color="0.6", alpha=0.25, lw=0)
    ax.text(np.datetime64(start), 0.2, name, rotation=90, va="bottom", ha="right", fontsize=8, color="0.35")

for lo, hi in [(0, 40), (52, 92)]:
    k = lo + int(np.argmax(ili[lo:hi]))
    ax.annotate(
        f"peak {ili[k]:.1f}%\nweek of {weeks[k]}",
        xy=(weeks[k], ili[k]),
        xytext=(weeks[k] + np.timedelta64(45, "D"), ili[k] - 1.2),
        arrowprops=dict(arrowstyle="->", color="0.2"),
        fontsize=9,
    )

ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=[1, 4, 7, 10]))
ax.xaxis.set_minor_locator(mdates.MonthLocator())
ax.xaxis.set_major_formatter(mdates.DateFormatter("%b\n%Y"))
ax.set_xlim(weeks[0], weeks[-1])
ax.set_ylim(0, 8)
ax.set_ylabel("Percent of outpatient visits")
ax.set_title("Influenza-like illness, regional sentinel network", loc="left", fontweight="bold")
ax.legend(loc="upper right", frameon=True)
fig.tight_layout()
plt.show()
