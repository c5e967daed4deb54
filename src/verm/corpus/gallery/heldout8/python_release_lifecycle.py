# Lifecycle timeline of Python releases: bugfix and security-support phases as bars with release and EOL annotations.
import matplotlib.pyplot as plt
import numpy as np

plt.rcParams.update({"font.family": "DejaVu Sans Mono", "font.size": 9})
versions = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13", "3.14"]
release = np.array([2019.79, 2020.76, 2021.76, 2022.82, 2023.76, 2024.77, 2025.77])
bugfix_end = np.array([2021.34, 2022.38, 2023.26, 2024.26, 2025.26, 2026.8, 2027.8])
eol = np.array([2024.79, 2025.8, 2026.8, 2027.8, 2028.8, 2029.8, 2030.8])
now = 2025.1

fig, ax = plt.subplots(figsize=(11, 4.8))
y = np.arange(len(versions))
ax.barh(y, bugfix_end - release, left=release, height=0.55, color="#3776ab", label="bugfix")
ax.barh(y, eol - bugfix_end, left=bugfix_end, height=0.55, color="#ffd43b", label="security only")
for yi, r, e in zip(y, release, eol):
    ax.annotate(
        f"{r:.0f}-{int((r % 1) * 12) + 1:02d}",
        xy=(r, yi),
        xytext=(-4, 0),
        textcoords="offset points",
        ha="right",
        va="center",
        fontsize=8,
        color="0.4",
    )
    state = "EOL" if e < now else ("security" if e - now < 4 else "active")
    ax.text(e + 0.08, yi, f"EOL {e:.0f} · {state}", va="center", fontsize=8)
    if e < now:
        ax.barh(yi, e - r, left=r, height=0.55, color="white", alpha=0.6)
ax.axvline(now, color="crimson", lw=1.5)
ax.text(now, len(versions) - 0.3, " today", color="crimson", va="bottom")
ax.set_yticks(y)
ax.set_yticklabels([f"Python {v}" for v in versions])
ax.invert_yaxis()
ax.set_xlim(2018.5, 2032.5)
ax.set_xticks(np.arange(2019, 2033))
ax.grid(axis="x", color="0.9")
ax.set_axisbelow(True)
for side in ("top", "right", "left"):
    ax.spines[side].set_visible(False)
ax.legend(loc="lower left", ncol=2, frameon=False)
ax.set_title("CPython support windows (PEP 602 annual cadence)", loc="left", fontsize=12)
fig.tight_layout()
