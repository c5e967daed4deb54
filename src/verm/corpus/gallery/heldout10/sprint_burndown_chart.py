# Sprint burndown of remaining story points against the ideal line, with a scope change, weekends and daily completed bars
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("petroff10")
days = np.arange(np.datetime64("2024-03-04"), np.datetime64("2024-03-16"))
done_per_day = np.array([3, 5, 4, 6, 0, 0, 2, 7, 5, 8, 0, 0])
weekend = np.isin((days.astype("datetime64[D]").view("int64") - 4) % 7, [5, 6])
done_per_day[weekend] = 0
scope = np.full(days.size, 62.0)
scope[days >= np.datetime64("2024-03-07")] = 70.0
remaining = scope - np.cumsum(done_per_day)
remaining = np.r_[62.0, remaining[:-1]]
completed = np.r_[0, done_per_day[:-1]]

fig, ax = plt.subplots(figsize=(9, 5), layout="constrained")
ax.bar(days, completed, width=0.6, color="C2", alpha=0.55, label="Points completed that day")
ax.step(days, remaining, where="post", lw=2.4, color="C0", label="Remaining")
ax.plot(days[[0, -1]], [62, 0], ls="--", color="0.35", lw=1.4, label="Ideal")
ax.step(days, scope, where="post", color="C1", lw=1.2, ls=":", label="Scope")
for d, w in zip(days, weekend):
    if w:
        ax.axvspan(d - np.timedelta64(12, "h"), d + np.timedelta64(12, "h"), color="0.85", alpha=0.5, lw=0)
ax.annotate(
    "+8 pts: payment\nbug added",
    xy=(np.datetime64("2024-03-07"), 70),
    xytext=(np.datetime64("2024-03-08T12"), 76),
    arrowprops=dict(arrowstyle="->", connectionstyle="arc3,rad=-0.2"),
    fontsize=9,
)
ax.annotate(
    f"{remaining[-1]:.0f} pts left",
    xy=(days[-1], remaining[-1]),
    xytext=(-70, 30),
    textcoords="offset points",
    arrowprops=dict(arrowstyle="->"),
    fontsize=9,
)
loc = mdates.DayLocator()
ax.xaxis.set_major_locator(loc)
ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(loc))
ax.set_ylim(0, 82)
ax.set_ylabel("Story points")
ax.set_title("Sprint 14 burndown (team Orca)", loc="left", fontweight="bold")
ax.legend(loc="upper right", ncols=2, fontsize=9)
