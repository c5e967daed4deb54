# Gantt chart of a product launch plan by workstream with progress overlays, diamond milestones, dependency arrows and a status-date line
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-talk")
plt.rcParams.update({"font.size": 10, "axes.labelsize": 10, "xtick.labelsize": 9, "ytick.labelsize": 10})

tasks = [
    ("Research", "Market study", "2024-01-08", 25, 1.0),
    ("Research", "User interviews", "2024-01-22", 20, 1.0),
    ("Design", "Wireframes", "2024-02-05", 18, 1.0),
    ("Design", "Visual design", "2024-02-19", 24, 0.8),
    ("Build", "Backend API", "2024-02-26", 45, 0.55),
    ("Build", "Mobile app", "2024-03-11", 40, 0.35),
    ("Build", "Payments", "2024-03-25", 20, 0.1),
    ("Launch", "Beta test", "2024-04-22", 21, 0.0),
    ("Launch", "Marketing", "2024-04-08", 42, 0.0),
]
stream_colors = {"Research": "#8dd3c7", "Design": "#fdb462", "Build": "#80b1d3", "Launch": "#fb8072"}
starts = np.array([np.datetime64(t[2]) for t in tasks])
durations = np.array([t[3] for t in tasks])
starts_num = mdates.date2num(starts)
status_date = mdates.date2num(np.datetime64("2024-03-28"))

fig, ax = plt.subplots(figsize=(12, 5.5))
y = np.arange(len(tasks))[::-1]
for yi, (stream, _task, _, dur, done), s in zip(y, tasks, starts_num):
    c = stream_colors[stream]
    ax.barh(yi, dur, left=s, height=0.6, color=c, edgecolor="0.3", lw=0.6)
    ax.barh(yi, dur * done, left=s, height=0.22, color="0.2")
    ax.text(s + dur + 1, yi, f"{done:.0%}", va="center", fontsize=8.5, color="0.25")

milestones = {"Design freeze": "2024-03-14", "Code complete": "2024-04-26", "Launch": "2024-06-03"}
for label, day in milestones.items():
    m = mdates.date2num(np.datetime64(day))
    ax.plot(m, -0.9, marker="D", ms=11, color="#e41a1c", mec="black", clip_on=False)
    ax.text(m, -1.5, label, ha="center", va="top", fontsize=9, fontweight="bold")
    ax.axvline(m, color="#e41a1c", lw=0.6, ls=":", ymin=0.08)

for a, b in ((1, 2), (3, 5), (6, 7)):
    ax.annotate(
        "",
        xy=(starts_num[b], y[b] + 0.3),
        xytext=(starts_num[a] + durations[a], y[a] - 0.3),
        arrowprops=dict(arrowstyle="-|>", color="0.35", lw=1.2, shrinkA=2, shrinkB=2),
    )
ax.axvline(status_date, color="black", lw=1.5)
ax.text(status_date, -2.1, " status 28 Mar", fontsize=9, va="bottom")

ax.set_yticks(y, [f"{t[1]}" for t in tasks])
ax.set_ylim(-2.2, len(tasks) - 0.2)
ax.xaxis.set_major_locator(mdates.WeekdayLocator(byweekday=mdates.MO, interval=2))
ax.xaxis.set_major_formatter(mdates.DateFormatter("%d %b"))
ax.xaxis.set_minor_locator(mdates.WeekdayLocator(byweekday=mdates.MO))
ax.grid(axis="x", which="both", alpha=0.35)
ax.grid(axis="y", visible=False)
handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in stream_colors.values()]
ax.legend(handles, stream_colors.keys(), loc="upper right", ncols=4, fontsize=9)
ax.set_title("Launch plan, Q1-Q2 2024 (dark bar: progress)", loc="left", fontweight="bold")
fig.tight_layout()
