# Timeline of a 24-hour operations day: broken_barh rows per server showing busy, backup and maintenance windows, with an incident band and a now-marker
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(64)
servers = ["db-01", "db-02", "api-01", "api-02", "api-03", "batch-01", "cache-01"]
palette = {"busy": "#4e79a7", "backup": "#f28e2b", "maintenance": "#e15759"}

fig, ax = plt.subplots(figsize=(10, 4.2))
for i, name in enumerate(servers):
    start = 0.0
    busy = []
    while start < 24:
        dur = rng.uniform(0.8, 3.5)
        busy.append((start, min(dur, 24 - start)))
        start += dur + rng.uniform(0.2, 1.5)
    ax.broken_barh(busy, (i - 0.35, 0.7), facecolors=palette["busy"], edgecolor="white", linewidth=0.5)
    if name.startswith("db"):
        ax.broken_barh(
            [(1.0 + i * 0.5, 1.5)], (i - 0.35, 0.7), facecolors=palette["backup"], hatch="///", edgecolor="white"
        )
maint = {"api-02": (13.0, 1.25), "batch-01": (3.5, 2.0), "cache-01": (20.0, 0.75)}
for name, span in maint.items():
    ax.broken_barh(
        [span], (servers.index(name) - 0.35, 0.7), facecolors=palette["maintenance"], edgecolor="k", linewidth=0.8
    )

ax.axvspan(9.25, 10.0, color="0.6", alpha=0.3, lw=0)
ax.text(9.62, len(servers) - 0.45, "incident\nINC-4471", ha="center", va="bottom", fontsize=8)
ax.axvline(16.5, color="k", lw=1.2, ls="--")
ax.text(16.6, -0.75, "16:30", fontsize=8, va="center")

ax.set_yticks(range(len(servers)), servers, fontfamily="DejaVu Sans Mono")
ax.set_ylim(-0.9, len(servers) + 0.1)
ax.invert_yaxis()
ax.set_xlim(0, 24)
ax.set_xticks(np.arange(0, 25, 2), [f"{h:02d}:00" for h in range(0, 25, 2)])
ax.grid(axis="x", color="0.85", lw=0.6)
ax.set_axisbelow(True)
ax.set_xlabel("time (UTC)")
ax.set_title("Cluster activity, 2024-03-14")
handles = [
    plt.Rectangle((0, 0), 1, 1, fc=c, hatch="///" if k == "backup" else None, ec="white") for k, c in palette.items()
]
ax.legend(handles, list(palette), loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, frameon=False)
fig.tight_layout()
