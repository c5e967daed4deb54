# Geometry diagram of a triangle with its incircle, circumcircle, angle arcs, side lengths and the Euler line, drawn with equal aspect
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Arc, Circle, Polygon

A, B, C = np.array([0.0, 0.0]), np.array([7.0, 0.0]), np.array([2.2, 4.6])
a, b, c = np.linalg.norm(B - C), np.linalg.norm(C - A), np.linalg.norm(A - B)
incentre = (a * A + b * B + c * C) / (a + b + c)
s = (a + b + c) / 2
area = np.sqrt(s * (s - a) * (s - b) * (s - c))
inradius = area / s

d = 2 * (A[0] * (B[1] - C[1]) + B[0] * (C[1] - A[1]) + C[0] * (A[1] - B[1]))
ux = ((A @ A) * (B[1] - C[1]) + (B @ B) * (C[1] - A[1]) + (C @ C) * (A[1] - B[1])) / d
uy = ((A @ A) * (C[0] - B[0]) + (B @ B) * (A[0] - C[0]) + (C @ C) * (B[0] - A[0])) / d
circumcentre = np.array([ux, uy])
circumradius = a * b * c / (4 * area)
centroid = (A + B + C) / 3
orthocentre = A + B + C - 2 * circumcentre

plt.rcParams.update({"font.family": "DejaVu Serif", "font.size": 11})
fig, ax = plt.subplots(figsize=(7, 7))
ax.add_patch(Circle(circumcentre, circumradius, fill=False, ec="#1d3557", lw=1.2, ls="--"))
ax.add_patch(Polygon([A, B, C], closed=True, fc="#a8dadc", ec="#1d3557", lw=2, alpha=0.6))
ax.add_patch(Circle(incentre, inradius, fc="#f1faee", ec="#e63946", lw=1.5))

for P, Q, R, name in ((A, B, C, "A"), (B, C, A, "B"), (C, A, B, "C")):
    v1, v2 = Q - P, R - P
    t1, t2 = np.degrees(np.arctan2(v1[1], v1[0])), np.degrees(np.arctan2(v2[1], v2[0]))
    lo, hi = sorted((t1, t2))
    if hi - lo > 180:
        lo, hi = hi, lo + 360
    ax.add_patch(Arc(P, 1.3, 1.3, theta1=lo, theta2=hi, color="#457b9d", lw=1.4))
    angle = np.degrees(np.arccos(v1 @ v2 / np.linalg.norm(v1) / np.linalg.norm(v2)))
    mid = np.radians((lo + hi) / 2)
    ax.text(
        P[0] + 1.05 * np.cos(mid),
        P[1] + 1.05 * np.sin(mid),
        f"{angle:.0f}°",
        ha="center",
        va="center",
        fontsize=9,
        color="#457b9d",
    )
    out = P - centroid
    ax.text(*(P + 0.45 * out / np.linalg.norm(out)), name, ha="center", va="center", fontsize=14, fontweight="bold")

for P, Q, length, name in ((B, C, a, "a"), (C, A, b, "b"), (A, B, c, "c")):
    mid = (P + Q) / 2
    normal = np.array([-(Q - P)[1], (Q - P)[0]]) / np.linalg.norm(Q - P)
    ax.text(*(mid - 0.6 * normal), f"{name} = {length:.2f}", ha="center", va="center", fontsize=9, style="italic")

ax.plot(*np.c_[orthocentre, circumcentre], color="#6a4c93", lw=1.2, label="Euler line")
for point, label, marker in (
    (incentre, "I (incentre)", "o"),
    (circumcentre, "O (circumcentre)", "s"),
    (centroid, "G (centroid)", "^"),
    (orthocentre, "H (orthocentre)", "D"),
):
    ax.plot(*point, marker=marker, ms=6, color="k", ls="none", label=label)
ax.plot([incentre[0], incentre[0]], [incentre[1], incentre[1] - inradius], color="#e63946", lw=1)
ax.text(incentre[0] + 0.08, incentre[1] - inradius / 2, f"r = {inradius:.2f}", color="#e63946", fontsize=9)

ax.set_aspect("equal")
ax.set_xlim(circumcentre[0] - circumradius - 0.4, circumcentre[0] + circumradius + 0.4)
ax.set_ylim(circumcentre[1] - circumradius - 0.4, circumcentre[1] + circumradius + 0.4)
ax.axis("off")
ax.legend(loc="lower left", fontsize=8, frameon=False)
ax.set_title(f"Triangle ABC: area {area:.2f}, R = {circumradius:.2f}, r = {inradius:.2f}")
fig.tight_layout()
