# Web-analytics dashboard from a string subplot_mosaic: KPI tiles, a sessions line, a device donut and a top-pages bar chart
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-darkgrid")

rng = np.random.default_rng(4)
days = np.arange(1, 31)
sessions = 5200 + 900 * np.sin(2 * np.pi * days / 7) + 30 * days + rng.normal(0, 250, 30)
last_month = 5000 + 800 * np.sin(2 * np.pi * (days + 2) / 7) + rng.normal(0, 250, 30)

mosaic = """
ABC
DDE
DDF
"""
fig, axd = plt.subplot_mosaic(mosaic, figsize=(11, 7), height_ratios=[0.5, 1, 1], layout="constrained")
kpis = {
    "A": ("Sessions", f"{sessions.sum() / 1000:.1f}k", "+6.2%"),
    "B": ("Bounce rate", "41.3%", "−1.8 pt"),
    "C": ("Avg. duration", "3m 12s", "+0:09"),
}
for key, (label, value, change) in kpis.items():
    ax = axd[key]
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    ax.text(0.05, 0.72, label, fontsize=11, color="0.35", transform=ax.transAxes)
    ax.text(0.05, 0.25, value, fontsize=22, fontweight="bold", transform=ax.transAxes)
    ax.text(0.95, 0.25, change, fontsize=11, ha="right", color="#2e7d32", transform=ax.transAxes)

axd["D"].plot(days, sessions, color="#1565c0", lw=2, label="June")
axd["D"].plot(days, last_month, color="0.6", lw=1.2, ls="--", label="May")
axd["D"].fill_between(
    days, sessions, last_month, where=sessions > last_month, color="#1565c0", alpha=0.15, interpolate=True
)
axd["D"].set_xlim(1, 30)
axd["D"].set_xlabel("Day of month")
axd["D"].set_ylabel("Sessions per day")
axd["D"].legend(loc="upper left")

devices = [58, 35, 7]
axd["E"].pie(
    devices,
    labels=["Mobile", "Desktop", "Tablet"],
    colors=["#1565c0", "#90caf9", "#ffb74d"],
    startangle=90,
    counterclock=False,
    wedgeprops={"width": 0.38, "edgecolor": "white"},
    autopct="%d%%",
    pctdistance=0.8,
    textprops={"fontsize": 8},
)
axd["E"].set_title("Device", fontsize=10)

pages = ["/pricing", "/blog/launch", "/docs/start", "/", "/signup"]
views = np.array([4210, 6840, 3920, 15200, 2870])
order = np.argsort(views)
axd["F"].barh(np.array(pages)[order], views[order], color="#64b5f6")
axd["F"].bar_label(axd["F"].containers[0], labels=[f"{v / 1000:.1f}k" for v in views[order]], padding=2, fontsize=8)
axd["F"].set_xlim(0, 18500)
axd["F"].tick_params(axis="y", labelsize=8)
axd["F"].set_title("Top pages (views)", fontsize=10)
fig.suptitle("Site overview · June", fontsize=15, fontweight="bold", x=0.02, ha="left")
plt.show()
