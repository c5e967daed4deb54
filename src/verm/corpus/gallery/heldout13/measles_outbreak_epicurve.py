# Measles outbreak epidemic curve: daily cases by rash-onset date as stacked one-case boxes coloured by setting, with intervention lines and the incubation window of the index case.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.dates import DateFormatter, DayLocator, WeekdayLocator

plt.style.use("seaborn-v0_8-ticks")
plt.rcParams["font.family"] = "DejaVu Sans"

rng = np.random.default_rng(1963)
start = np.datetime64("2024-02-26")
days = start + np.arange(56)
t = np.arange(56)
lam = 0.2 + 5.5 * np.exp(-(((t - 27) / 7.5) ** 2)) + 1.8 * np.exp(-(((t - 14) / 3) ** 2))
lam[t < 7] = 0
cases = rng.poisson(lam)
cases[7] = 1
settings = ["school A", "household", "day care", "healthcare", "unknown"]
colors = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#bab0ac"]
probs = np.array([0.45, 0.3, 0.12, 0.05, 0.08])

fig, ax = plt.subplots(figsize=(11.5, 5.2))
counts = np.zeros(len(settings), dtype=int)
for d, n in zip(days, cases, strict=True):
    cat = np.sort(rng.choice(len(settings), n, p=probs))
    for k, c in enumerate(cat):
        ax.bar(d, 1, bottom=k, width=0.92, color=colors[c], edgecolor="white", lw=1.2)
        counts[c] += 1
ax.bar(days[7], 1, bottom=0, width=0.92, color="#4e79a7", edgecolor="black", lw=1.5, hatch="xx")
ax.annotate("index case\n(imported)", (days[7], 1), xytext=(days[1], 4.5), arrowprops=dict(arrowstyle="->"), fontsize=9)
ax.annotate("", xy=(days[7] + 21, 7.0), xytext=(days[7] + 7, 7.0), arrowprops=dict(arrowstyle="<->", color="0.35"))
ax.text(days[7] + 14, 7.15, "7-21 d after index onset", ha="center", fontsize=8, color="0.35")
for day, label, ha in [
    (days[17], "school exclusion of\nunvaccinated pupils ", "right"),
    (days[22], " MMR catch-up\n clinic", "left"),
]:
    ax.axvline(day - np.timedelta64(12, "h"), color="#b07aa1", lw=1.5, ls="--")
    ax.text(day - np.timedelta64(12, "h"), 8.4, label, fontsize=8.5, color="#76448a", va="top", ha=ha)
for c, s, n in zip(colors, settings, counts, strict=True):
    ax.bar(days[0], 0, color=c, label=f"{s} ({n})")
ax.set_ylim(0, 8.6)
ax.set_xlim(days[0] - 1, days[-1] + 1)
ax.set_yticks(range(0, 9, 2))
ax.xaxis.set_major_locator(WeekdayLocator(byweekday=0))
ax.xaxis.set_minor_locator(DayLocator())
ax.xaxis.set_major_formatter(DateFormatter("%d %b"))
ax.set_xlabel("Date of rash onset")
ax.set_ylabel("Number of cases")
ax.set_title(f"Measles outbreak, {cases.sum()} confirmed and probable cases", loc="left", fontsize=12)
ax.legend(title="exposure setting", loc="upper right", fontsize=8.5, title_fontsize=9, ncol=1)
ax.grid(axis="y", color="0.92")
note = "Each box is one case. Data as of 21 Apr 2024; last two weeks subject to reporting delay."
fig.text(0.01, 0.01, note, fontsize=8, color="0.4")
fig.tight_layout(rect=(0, 0.03, 1, 1))
