# Bars of downloads per release on a categorical x axis of irregular release dates, with a cumulative line on a twin axis and notes in several bbox styles
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-dark")
plt.rcParams.update({"font.family": "DejaVu Sans Mono", "font.size": 9})

releases = [
    "2023-01-17",
    "2023-02-02",
    "2023-04-11",
    "2023-04-19",
    "2023-07-30",
    "2023-08-03",
    "2023-11-21",
    "2024-01-05",
    "2024-03-14",
    "2024-03-20",
    "2024-06-02",
]
versions = ["1.0", "1.0.1", "1.1", "1.1.1", "1.2", "1.2.1", "2.0", "2.0.1", "2.1", "2.1.1", "2.2"]
rng = np.random.default_rng(4123)
downloads = np.array([12, 3, 18, 4, 21, 5, 46, 9, 33, 6, 29]) * rng.uniform(0.9, 1.1, 11) * 1000
is_patch = np.array([v.count(".") == 2 for v in versions])

fig, ax = plt.subplots(figsize=(11, 5.5), layout="constrained")
colors = np.where(is_patch, "#a6bddb", "#045a8d")
ax.bar(releases, downloads, color=colors, edgecolor="white")
for i, (d, v) in enumerate(zip(downloads, versions)):
    ax.text(i, d + 600, f"v{v}", ha="center", fontsize=8, rotation=90, va="bottom")
ax.set_ylabel("downloads in first 30 days")
ax.set_ylim(0, 60000)
ax.tick_params(axis="x", rotation=45)
ax.set_xlabel("release date (categorical: one slot per release)")

cum = np.cumsum(downloads)
ax2 = ax.twinx()
ax2.plot(releases, cum / 1000, color="#d7301f", marker="o", lw=2)
ax2.set_ylabel("cumulative downloads (k)", color="#d7301f")
ax2.set_ylim(0, 220)

ax.annotate(
    "breaking API change",
    xy=(6, downloads[6]),
    xytext=(3.2, 52000),
    bbox=dict(boxstyle="round,pad=0.4", fc="#fee391", ec="#cc4c02"),
    arrowprops=dict(arrowstyle="fancy", fc="#cc4c02", ec="none", connectionstyle="arc3,rad=-0.2"),
)
ax.annotate(
    "security fix",
    xy=(9, downloads[9]),
    xytext=(8.3, 20000),
    ha="center",
    bbox=dict(boxstyle="sawtooth,pad=0.4", fc="white", ec="0.3"),
    arrowprops=dict(arrowstyle="-|>", color="0.3"),
)
ax.text(
    0.2, 40000, "patch releases\nin light blue", bbox=dict(boxstyle="roundtooth,pad=0.5", fc="#deebf7", ec="#3182bd")
)
ax2.text(
    8.9,
    cum[-1] / 1000,
    f"  {cum[-1] / 1000:.0f}k  ",
    ha="center",
    va="center",
    color="white",
    fontweight="bold",
    bbox=dict(boxstyle="larrow,pad=0.3", fc="#d7301f", ec="none"),
)
ax.set_title("Package releases: first-month downloads", loc="left", fontsize=12, fontweight="bold")
