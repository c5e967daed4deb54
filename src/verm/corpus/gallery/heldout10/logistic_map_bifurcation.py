# Bifurcation diagram of the logistic map x -> r x (1 - x) above its Lyapunov exponent over the same range of r
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("grayscale")
plt.rcParams["mathtext.fontset"] = "stix"
plt.rcParams["font.family"] = "STIXGeneral"
r = np.linspace(2.5, 4.0, 1400)
x = np.full_like(r, 0.5)
lyap = np.zeros_like(r)
n_iter, n_keep = 600, 120
rs, xs = [], []
for i in range(n_iter):
    x = r * x * (1 - x)
    lyap += np.log(np.abs(r - 2 * r * x) + 1e-12)
    if i >= n_iter - n_keep:
        rs.append(r.copy())
        xs.append(x.copy())
lyap /= n_iter

fig, (ax1, ax2) = plt.subplots(2, 1, sharex=True, figsize=(8, 6.6), gridspec_kw={"height_ratios": [2.2, 1]})
ax1.plot(np.concatenate(rs), np.concatenate(xs), ",", color="k", alpha=0.25)
for rv, lab, ha in [
    (3.0, r"$r_1=3$", "right"),
    (1 + np.sqrt(6), r"$r_2=1+\sqrt{6}$", "right"),
    (3.5699, r"$r_\infty\approx3.5699$", "left"),
]:
    ax1.axvline(rv, color="0.5", lw=0.8, ls="--")
    ax1.text(rv + (0.01 if ha == "left" else -0.01), 1.02, lab, ha=ha, va="bottom", fontsize=10)
ax1.annotate("period-3 window", xy=(3.83, 0.16), xytext=(3.55, 0.06), fontsize=10, arrowprops=dict(arrowstyle="->"))
ax1.set_ylim(0, 1.1)
ax1.set_ylabel(r"$x_n$ (last 120 of 600 iterates)")
ax1.set_title(r"Logistic map $x_{n+1} = r\,x_n\,(1-x_n)$", fontsize=13)

ax2.plot(r, lyap, lw=0.8)
ax2.axhline(0, color="k", lw=0.8)
ax2.fill_between(r, 0, lyap, where=lyap > 0, color="0.6", lw=0)
ax2.set_ylim(-2.5, 1)
ax2.set_ylabel(r"$\lambda(r)$")
ax2.set_xlabel(r"growth rate $r$")
ax2.text(2.55, 0.45, r"$\lambda>0$: chaos", fontsize=10)
ax2.set_xlim(2.5, 4.0)
fig.tight_layout()
