# A git history graph: commits on main, a feature branch and a hotfix lane with curved merge edges, tags and one-line commit messages
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import PathPatch
from matplotlib.path import Path

plt.rcParams.update({"font.family": "DejaVu Sans Mono", "font.size": 9})
rng = np.random.default_rng(1420)

lanes = {"main": 0, "feature/search": 1, "hotfix/1.4.1": 2, "feature/export": 3}
lane_cols = {"main": "#2b6cb0", "feature/search": "#d69e2e", "hotfix/1.4.1": "#e53e3e", "feature/export": "#38a169"}
# (row, branch, message, parents as row indices)
commits = [
    (0, "main", "init project skeleton", []),
    (1, "main", "add CI workflow", [0]),
    (2, "feature/search", "search: tokenizer", [1]),
    (3, "main", "bump deps", [1]),
    (4, "feature/search", "search: inverted index", [2]),
    (5, "hotfix/1.4.1", "fix crash on empty query", [3]),
    (6, "feature/export", "export: csv writer", [3]),
    (7, "main", "Merge hotfix/1.4.1", [3, 5]),
    (8, "feature/search", "search: ranking + tests", [4]),
    (9, "feature/export", "export: json + tests", [6]),
    (10, "main", "Merge feature/search", [7, 8]),
    (11, "feature/export", "rebase onto main", [9, 10]),
    (12, "main", "docs: changelog", [10]),
    (13, "main", "Merge feature/export", [12, 11]),
]
tags = {7: "v1.4.1", 13: "v1.5.0"}
authors = ["ana", "bo", "chen", "dee"]

fig, ax = plt.subplots(figsize=(10, 7))
pos = {row: (lanes[br], row) for row, br, _, _ in commits}
branch_of = {row: br for row, br, _, _ in commits}
for row, br, msg, parents in commits:
    x, y = pos[row]
    for p in parents:
        px, py = pos[p]
        col = lane_cols[br] if px != x and len(parents) == 1 else lane_cols[branch_of[p]]
        if px == x:
            ax.plot([px, x], [py, y], color=lane_cols[br], lw=3, solid_capstyle="round", zorder=1)
        else:
            verts = [(px, py), (px, py + 0.6), (x, y - 0.6), (x, y)]
            ax.add_patch(
                PathPatch(
                    Path(verts, [Path.MOVETO, Path.CURVE4, Path.CURVE4, Path.CURVE4]), fc="none", ec=col, lw=3, zorder=1
                )
            )
    merge = len(parents) > 1
    ax.scatter(
        x,
        y,
        s=140 if merge else 90,
        c="white" if merge else lane_cols[br],
        edgecolors=lane_cols[br],
        linewidths=2.5,
        zorder=3,
    )
    sha = "".join(rng.choice(list("0123456789abcdef"), 7))
    ax.text(4.0, y, sha, color="#b7791f", va="center")
    ax.text(4.9, y, msg, va="center", fontweight="bold" if merge else "normal")
    ax.text(8.6, y, authors[row % 4], va="center", color="0.45")
    if row in tags:
        ax.text(
            x + 0.25,
            y,
            f" {tags[row]} ",
            va="center",
            fontsize=8,
            color="white",
            bbox=dict(boxstyle="larrow,pad=0.25", fc="#805ad5", ec="none"),
        )
for name, lane in lanes.items():
    ax.text(lane, 14.0, name, rotation=35, ha="left", va="bottom", color=lane_cols[name], fontweight="bold")
ax.axvline(3.6, color="0.85", lw=1)
ax.text(4.0, -1.1, "commit", color="0.4")
ax.text(4.9, -1.1, "message", color="0.4")
ax.text(8.6, -1.1, "author", color="0.4")
ax.set_xlim(-0.6, 9.6)
ax.set_ylim(15.8, -1.6)
ax.axis("off")
ax.set_title("git log --graph --all  (newest at the bottom)", loc="left", fontsize=11)
fig.tight_layout()
