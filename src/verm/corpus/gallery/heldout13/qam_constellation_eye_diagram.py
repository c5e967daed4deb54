# Digital link diagnostics: a received 16-QAM constellation with decision boundaries and EVM, beside a PAM-4 eye diagram of overlaid raised-cosine traces with an eye mask.
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.collections import LineCollection
from matplotlib.patches import Polygon

plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 9})

rng = np.random.default_rng(16)
lv = np.array([-3, -1, 1, 3])
sym = rng.choice(lv, (2000, 2))
rx = sym * np.cos(0.035) + rng.normal(0, 0.2, (2000, 2))
rot = np.deg2rad(2.0)
i_rx = 1.02 * (rx[:, 0] * np.cos(rot) - rx[:, 1] * np.sin(rot))
q_rx = 0.97 * (rx[:, 0] * np.sin(rot) + rx[:, 1] * np.cos(rot))
evm = np.sqrt(np.mean((i_rx - sym[:, 0]) ** 2 + (q_rx - sym[:, 1]) ** 2) / np.mean(np.sum(sym**2, 1)))

fig, (cx, ex) = plt.subplots(1, 2, figsize=(11.5, 5.2), gridspec_kw={"width_ratios": [1, 1.35]})
cx.hexbin(i_rx, q_rx, gridsize=70, cmap="inferno", mincnt=1, extent=(-4.5, 4.5, -4.5, 4.5))
cx.set_facecolor("black")
for b in (-2, 0, 2):
    cx.axvline(b, color="#4dd0e1", lw=0.7, ls="--")
    cx.axhline(b, color="#4dd0e1", lw=0.7, ls="--")
ii, qq = np.meshgrid(lv, lv)
cx.scatter(ii, qq, marker="+", s=90, color="#76ff03", lw=1.4)
for a, b in zip(ii.ravel(), qq.ravel(), strict=True):
    code = f"{(a + 3) // 2:02b}{(b + 3) // 2:02b}"
    cx.text(a + 0.5, b + 0.55, code, color="#b2ebf2", fontsize=7, family="DejaVu Sans Mono")
cx.set_xlim(-4.5, 4.5)
cx.set_ylim(-4.5, 4.5)
cx.set_aspect("equal")
cx.set_xlabel("In-phase (I)")
cx.set_ylabel("Quadrature (Q)")
cx.set_title(f"16-QAM, SNR 17 dB — EVM {evm:.1%} rms", loc="left")

sps, span = 32, 6
tt = np.arange(-span * sps, span * sps + 1) / sps
beta = 0.35
h = np.sinc(tt) * np.cos(np.pi * beta * tt) / (1 - (2 * beta * tt) ** 2 + 1e-9)
syms = rng.choice(lv, 600)
up = np.zeros(syms.size * sps)
up[::sps] = syms
wave = np.convolve(up, h, mode="same") + rng.normal(0, 0.08, up.size)
seg = 2 * sps
start = 20 * sps + sps // 2
traces = [np.c_[np.arange(seg + 1) / sps - 1, wave[s : s + seg + 1]] for s in range(start, wave.size - 30 * sps, sps)]
ex.add_collection(LineCollection(traces, colors="#00e5ff", linewidths=0.5, alpha=0.12))
ex.set_facecolor("#0b1020")
for y0 in (-2, 0, 2):
    ex.add_patch(
        Polygon(
            [(-0.3, y0), (-0.1, y0 + 0.55), (0.1, y0 + 0.55), (0.3, y0), (0.1, y0 - 0.55), (-0.1, y0 - 0.55)],
            closed=True,
            fc="#ff1744",
            alpha=0.35,
            ec="#ff8a80",
        )
    )
ex.axhspan(3.9, 5, color="#ff1744", alpha=0.35)
ex.axhspan(-5, -3.9, color="#ff1744", alpha=0.35)
ex.annotate(
    "eye height", xy=(0, 0.55), xytext=(0.45, 1.3), color="white", arrowprops=dict(arrowstyle="->", color="white")
)
ex.set_xlim(-1, 1)
ex.set_ylim(-5, 5)
ex.set_xticks([-1, -0.5, 0, 0.5, 1], ["−1 UI", "−0.5", "0", "0.5", "1 UI"])
ex.set_xlabel("Time (unit intervals)")
ex.set_ylabel("Amplitude")
ex.set_title(f"PAM-4 eye, RRC β = {beta}, {len(traces)} traces, mask passed", loc="left")
fig.tight_layout()
