# Annotated timeline of a space probe's mission milestones, stems of alternating heights on a numpy datetime64 axis
import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9})

events = [
    ("2019-03-14", "Launch"),
    ("2019-08-02", "Earth flyby"),
    ("2020-02-20", "Venus gravity assist"),
    ("2020-11-11", "Solar conjunction"),
    ("2021-06-30", "Cruise phase ends"),
    ("2021-10-05", "Orbit insertion"),
    ("2022-01-18", "First science light"),
    ("2022-09-27", "Lander release"),
    ("2023-04-09", "Mission extension"),
    ("2024-02-01", "End of mission"),
]
dates = np.array([d for d, _ in events], dtype="datetime64[D]")
names = [n for _, n in events]
levels = np.tile([-5, 5, -3, 3, -1, 1], len(dates))[: len(dates)]

fig, ax = plt.subplots(figsize=(10, 4.2), layout="constrained")
ax.vlines(dates, 0, levels, color="tab:red", lw=1)
ax.axhline(0, color="black", lw=1.5)
ax.plot(dates, np.zeros(len(dates)), "o", color="black", mfc="white", ms=7, zorder=3)
for d, lvl, name in zip(dates, levels, names):
    ax.annotate(
        f"{name}\n{np.datetime_as_string(d)}",
        xy=(d, lvl),
        xytext=(-3, np.sign(lvl) * 3),
        textcoords="offset points",
        ha="right",
        va="bottom" if lvl > 0 else "top",
        fontweight="bold" if name in ("Launch", "End of mission") else "normal",
    )
ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=[1, 7]))
ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %Y"))
plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
ax.yaxis.set_visible(False)
ax.spines[["left", "top", "right"]].set_visible(False)
ax.margins(y=0.15)
ax.set_xlim(np.datetime64("2018-11-01"), np.datetime64("2024-04-01"))
ax.set_title("Mission timeline", loc="left", fontsize=13, fontweight="bold")
plt.show()
