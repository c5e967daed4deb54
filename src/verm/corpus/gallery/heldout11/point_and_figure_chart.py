# Point-and-figure chart of a stock (box size 2, 3-box reversal) with X and O columns, a bullish trend line and a signal
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("grayscale")
plt.rcParams.update({"font.family": "DejaVu Sans Mono"})
rng = np.random.default_rng(61)

# Daily closes
steps = rng.normal(0.12, 1.6, 420)
close = 100 + np.cumsum(steps)

box, rev = 2.0, 3
cols = []  # (kind, low box, high box)
first = np.floor(close[0] / box)
kind, lo, hi = "X", first, first
for c in close[1:]:
    b = np.floor(c / box)
    if kind == "X":
        if b > hi:
            hi = b
        elif b <= hi - rev:
            cols.append((kind, lo, hi))
            kind, hi, lo = "O", hi - 1, b
    else:
        if b < lo:
            lo = b
        elif b >= lo + rev:
            cols.append((kind, lo, hi))
            kind, lo, hi = "X", lo + 1, b
cols.append((kind, lo, hi))

fig, ax = plt.subplots(figsize=(10, 6.5))
for i, (k, lo, hi) in enumerate(cols):
    for b in np.arange(lo, hi + 1):
        ax.text(
            i,
            b * box + box / 2,
            k,
            ha="center",
            va="center",
            fontsize=9,
            weight="bold",
            color="#1a1a1a" if k == "X" else "#7f7f7f",
        )

# Bullish support line: 45 degrees (one box per column) from the lowest O column
o_cols = [(i, lo) for i, (k, lo, hi) in enumerate(cols) if k == "O"]
i0, lo0 = min(o_cols, key=lambda t: t[1])
xs = np.array([i0, len(cols) + 1])
ax.plot(xs, (lo0 - 1) * box + (xs - i0) * box, color="k", lw=1.2, ls="--")
ax.text(i0 + 7, (lo0 - 1) * box + 6 * box, "bullish support line", fontsize=8, ha="left", va="top")

# Double-top breakout: an X column exceeding the previous X column's high
for i in range(2, len(cols)):
    if cols[i][0] == "X" and cols[i][2] > cols[i - 2][2]:
        last_buy = i
ax.annotate(
    "double-top\nbuy signal",
    xy=(last_buy, cols[last_buy - 2][2] * box + 1.5 * box),
    xytext=(last_buy - 6, cols[last_buy][2] * box + 3 * box),
    fontsize=8,
    arrowprops={"arrowstyle": "->"},
)

ymin = min(c[1] for c in cols) * box - 3 * box
ymax = max(c[2] for c in cols) * box + 5 * box
ax.set_xlim(-1, len(cols) + 1)
ax.set_ylim(ymin, ymax)
ax.set_yticks(np.arange(np.ceil(ymin / box) * box, ymax, box), minor=True)
ax.set_yticks(np.arange(np.ceil(ymin / 10) * 10, ymax, 10))
ax.set_xticks(np.arange(0, len(cols), 5))
ax.grid(which="both", axis="y", lw=0.3)
ax.grid(axis="x", lw=0.3)
ax.set_xlabel("Column")
ax.set_ylabel("Price ($)")
ax.yaxis.tick_right()
ax.yaxis.set_label_position("right")
ax.set_title(f"ACME Corp. point & figure, box ${box:.0f} x {rev} reversal, {len(close)} sessions", loc="left")
fig.tight_layout()
