# Calendar heatmap of daily commits over one year (weeks by weekdays) drawn with imshow, with month labels and day-of-month text on busy days
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(4105)
start = np.datetime64("2023-01-01")
days = start + np.arange(365)
weekday = (days.astype("datetime64[D]").view("int64") - 4) % 7  # 0 = Monday
week = (np.arange(365) + int(weekday[0])) // 7
activity = rng.poisson(lam=np.where(weekday < 5, 4.5, 0.8)) * rng.binomial(1, 0.85, 365)
activity[200:214] = 0  # holiday

grid = np.full((7, week.max() + 1), np.nan)
grid[weekday, week] = activity

fig, ax = plt.subplots(figsize=(13, 3.2))
cmap = plt.get_cmap("Greens").copy()
cmap.set_bad("#ebedf0")
im = ax.imshow(grid, cmap=cmap, aspect="equal", vmin=0, vmax=12, interpolation="nearest")
ax.set_xticks(np.arange(-0.5, grid.shape[1], 1), minor=True)
ax.set_yticks(np.arange(-0.5, 7, 1), minor=True)
ax.grid(which="minor", color="white", lw=1.5)
ax.tick_params(which="minor", length=0)
ax.set_yticks(range(7), ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], fontsize=8)

month_starts = np.arange("2023-01", "2024-01", dtype="datetime64[M]").astype("datetime64[D]")
month_cols = [week[int((m - start).astype(int))] for m in month_starts]
ax.set_xticks(month_cols, ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
ax.xaxis.tick_top()
ax.tick_params(axis="both", length=0)
for s in ax.spines.values():
    s.set_visible(False)

busy = np.argwhere(activity >= 10).ravel()
for d in busy:
    day_of_month = int((days[d] - days[d].astype("datetime64[M]")).astype(int)) + 1
    ax.text(week[d], weekday[d], str(day_of_month), ha="center", va="center", fontsize=6, color="white")
ax.annotate(
    "summer break",
    xy=(week[207], 6.6),
    xytext=(week[207], 8.6),
    ha="center",
    fontsize=8,
    arrowprops=dict(arrowstyle="-[", lw=0.8),
    annotation_clip=False,
)

cb = fig.colorbar(im, ax=ax, orientation="vertical", fraction=0.015, pad=0.01)
cb.set_label("commits", fontsize=8)
cb.ax.tick_params(labelsize=7)
ax.set_title(f"{int(activity.sum())} commits in 2023 (numbers mark days with 10+)", loc="left", fontsize=10, pad=22)
fig.subplots_adjust(left=0.04, right=0.97, top=0.78, bottom=0.14)
