# Simply supported beam with a point load and a partial UDL: free-body sketch over shear-force and bending-moment diagrams with peak values
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import Circle, Polygon, Rectangle

plt.rcParams.update(
    {
        "font.family": "DejaVu Serif",
        "mathtext.fontset": "dejavuserif",
        "axes.spines.top": False,
        "axes.spines.right": False,
    }
)
rng = np.random.default_rng(1402)

L = 10.0
P, a = 30.0, 3.0  # kN at x = 3 m
w, x1, x2 = 8.0, 5.0, 9.0  # kN/m between 5 and 9 m
W = w * (x2 - x1)
xw = 0.5 * (x1 + x2)
RB = (P * a + W * xw) / L
RA = P + W - RB

x = np.linspace(0, L, 1001)
V = RA - P * (x >= a) - w * np.clip(x - x1, 0, x2 - x1)
M = (
    RA * x
    - P * np.clip(x - a, 0, None)
    - w * np.where(x < x1, 0, np.where(x < x2, (x - x1) ** 2 / 2, (x2 - x1) * (x - xw)))
)

fig, (ax0, ax1, ax2) = plt.subplots(3, 1, figsize=(8, 8), sharex=True, gridspec_kw={"height_ratios": [1.1, 1, 1]})

ax0.add_patch(Rectangle((0, -0.15), L, 0.3, fc="#c9d6e3", ec="k"))
ax0.add_patch(Polygon([[0, -0.15], [-0.35, -0.75], [0.35, -0.75]], fc="0.7", ec="k"))
ax0.add_patch(Polygon([[L, -0.15], [L - 0.35, -0.65], [L + 0.35, -0.65]], fc="0.7", ec="k"))
for cx in (L - 0.2, L, L + 0.2):
    ax0.add_patch(Circle((cx, -0.72), 0.07, fc="white", ec="k"))
ax0.annotate("", xy=(a, 0.15), xytext=(a, 1.4), arrowprops=dict(arrowstyle="-|>", lw=2, color="firebrick"))
ax0.text(a, 1.5, f"P = {P:.0f} kN", ha="center", color="firebrick")
for xi in np.linspace(x1, x2, 9):
    ax0.annotate("", xy=(xi, 0.15), xytext=(xi, 0.8), arrowprops=dict(arrowstyle="->", color="darkorange"))
ax0.plot([x1, x2], [0.8, 0.8], color="darkorange")
ax0.text(xw, 0.95, f"w = {w:.0f} kN/m", ha="center", color="darkorange")
for xs, r, name in ((0, RA, "A"), (L, RB, "B")):
    ax0.annotate("", xy=(xs, -0.8), xytext=(xs, -1.6), arrowprops=dict(arrowstyle="-|>", color="seagreen", lw=1.6))
    ax0.text(xs + 0.25, -1.45, f"$R_{name}$ = {r:.1f} kN", color="seagreen", fontsize=9)
ax0.set_ylim(-1.8, 1.9)
ax0.set_yticks([])
ax0.spines["left"].set_visible(False)
ax0.set_title("Loading", loc="left", fontsize=11)

ax1.fill_between(x, V, 0, where=V >= 0, color="tab:blue", alpha=0.35, step=None)
ax1.fill_between(x, V, 0, where=V < 0, color="tab:red", alpha=0.35)
ax1.plot(x, V, color="k", lw=1.4)
ax1.axhline(0, color="k", lw=0.8)
x0 = x[np.argmin(np.abs(V[x > x1])) + np.searchsorted(x, x1)]
ax1.annotate(
    f"V = 0 at x = {x0:.2f} m", xy=(x0, 0), xytext=(x0 + 0.4, 14), arrowprops=dict(arrowstyle="->"), fontsize=9
)
ax1.text(0.1, RA + 1.5, f"{RA:.1f}", fontsize=9)
ax1.text(L - 0.9, -RB - 4.5, f"{-RB:.1f}", fontsize=9)
ax1.set_ylabel("Shear $V$ (kN)")
ax1.set_title("Shear-force diagram", loc="left", fontsize=11)

ax2.fill_between(x, M, color="tab:purple", alpha=0.3)
ax2.plot(x, M, color="k", lw=1.4)
im = np.argmax(M)
ax2.plot(x[im], M[im], "o", color="tab:purple")
ax2.annotate(
    f"$M_{{max}}$ = {M[im]:.1f} kN·m\nat x = {x[im]:.2f} m",
    xy=(x[im], M[im]),
    xytext=(x[im] - 3.8, M[im] * 0.55),
    arrowprops=dict(arrowstyle="->", connectionstyle="arc3,rad=0.2"),
    bbox=dict(boxstyle="round", fc="white", ec="0.6"),
    fontsize=9,
)
ax2.text(a, M[np.searchsorted(x, a)] + 4, f"{M[np.searchsorted(x, a)]:.1f}", ha="center", fontsize=9)
ax2.set_ylabel("Moment $M$ (kN·m)")
ax2.set_xlabel("Position along beam $x$ (m)")
ax2.set_title("Bending-moment diagram (sagging positive)", loc="left", fontsize=11)
ax2.set_xlim(-0.6, L + 0.6)
ax2.set_ylim(0, M.max() * 1.25)
for ax in (ax1, ax2):
    ax.grid(alpha=0.3)
    for xv in (a, x1, x2):
        ax.axvline(xv, color="0.6", ls=":", lw=0.8)
fig.suptitle("Beam A-B, span 10 m", fontweight="bold")
fig.tight_layout()
