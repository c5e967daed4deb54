# Single-elimination bracket of a 16-team cup from round of 16 to final, with scores and the champion's path highlighted.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(16)
teams = [
    "Lions",
    "Harbour",
    "Athletic",
    "Rangers",
    "Wanderers",
    "Rovers",
    "City",
    "Albion",
    "United",
    "Town",
    "Villa",
    "Dynamo",
    "Olympic",
    "Sporting",
    "Forest",
    "Celtic",
]
strength = rng.uniform(0.5, 1.5, len(teams))
strength[teams.index("Rovers")] = 2.0
rounds = [list(range(16))]
scores = []
while len(rounds[-1]) > 1:
    cur, nxt, sc = rounds[-1], [], []
    for a, b in zip(cur[::2], cur[1::2]):
        ga, gb = rng.poisson(strength[a] * 1.3), rng.poisson(strength[b] * 1.3)
        if ga == gb:
            ga += strength[a] > strength[b]
            gb += strength[b] >= strength[a]
        sc.append((ga, gb))
        nxt.append(a if ga > gb else b)
    scores.append(sc)
    rounds.append(nxt)
champion = rounds[-1][0]

fig, ax = plt.subplots(figsize=(12, 8))
ypos = [np.arange(16) * 1.0]
for _ in range(4):
    ypos.append(ypos[-1].reshape(-1, 2).mean(axis=1))
names = ["Round of 16", "Quarter-finals", "Semi-finals", "Final", "Champion"]
for r, (ids, ys) in enumerate(zip(rounds, ypos)):
    x = r * 3
    ax.text(x + 1.2, -1.0, names[r], ha="center", fontsize=11, weight="bold", color="#37474f")
    for k, (t, y) in enumerate(zip(ids, ys)):
        on_path = t == champion
        ax.add_patch(
            plt.Rectangle(
                (x, y - 0.35),
                2.4,
                0.7,
                fc="#ffe082" if on_path else "#eceff1",
                ec="#f57f17" if on_path else "#90a4ae",
                lw=1.2,
            )
        )
        ax.text(x + 0.12, y, teams[t], va="center", fontsize=9, weight="bold" if on_path else "normal")
        if r < 4:
            ga, gb = scores[r][k // 2]
            ax.text(x + 2.28, y, str(ga if k % 2 == 0 else gb), va="center", ha="right", fontsize=9)
            ny = ypos[r + 1][k // 2]
            ax.plot(
                [x + 2.4, x + 2.7, x + 2.7, x + 3.0],
                [y, y, ny, ny],
                color="#f57f17" if on_path else "#90a4ae",
                lw=2 if on_path else 1,
            )
ax.text(12 + 1.2, ypos[4][0] - 1.0, "★ cup winners", ha="center", color="#f57f17", fontsize=11)
ax.set_xlim(-0.3, 14.8)
ax.set_ylim(-1.6, 16)
ax.invert_yaxis()
ax.axis("off")
ax.set_title("County Cup 2024 - knockout bracket", fontsize=15, loc="left")
fig.tight_layout()
