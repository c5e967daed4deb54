# Four regression diagnostic panels for a house-price model: residuals vs fitted, normal Q-Q, scale-location, residual histogram
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(2024)
n = 160
area = rng.uniform(45, 210, n)
rooms = np.round(area / 32 + rng.normal(0, 0.8, n)).clip(1, 7)
noise = rng.standard_t(4, n) * 18 * (1 + area / 260)
price = 40 + 2.1 * area + 9 * rooms + noise

X = np.column_stack([np.ones(n), area, rooms])
beta, *_ = np.linalg.lstsq(X, price, rcond=None)
fitted = X @ beta
resid = price - fitted
std_resid = (resid - resid.mean()) / resid.std(ddof=3)


def norm_ppf(p):
    """Acklam's rational approximation to the standard normal quantile."""
    a = [
        -39.69683028665376,
        220.9460984245205,
        -275.9285104469687,
        138.3577518672690,
        -30.66479806614716,
        2.506628277459239,
    ]
    b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572]
    c = [
        -0.007784894002430293,
        -0.3223964580411365,
        -2.400758277161838,
        -2.549732539343734,
        4.374664141464968,
        2.938163982698783,
    ]
    d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416]
    p = np.asarray(p, dtype=float)
    out = np.empty_like(p)
    lo, hi = p < 0.02425, p > 1 - 0.02425
    mid = ~(lo | hi)
    q = p[mid] - 0.5
    r = q * q
    out[mid] = (
        (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5])
        * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    )
    for mask, sign, pp in ((lo, 1, p[lo]), (hi, -1, 1 - p[hi])):
        q = np.sqrt(-2 * np.log(pp))
        out[mask] = (
            sign
            * (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
        )
    return out


def running_mean(x, y, width=25):
    order = np.argsort(x)
    kernel = np.ones(width) / width
    smooth = np.convolve(y[order], kernel, mode="valid")
    return x[order][width // 2 : width // 2 + len(smooth)], smooth


plt.style.use("bmh")
fig, axes = plt.subplots(2, 2, figsize=(9, 7))

ax = axes[0, 0]
ax.scatter(fitted, resid, s=14, alpha=0.7, color="#348ABD")
ax.axhline(0, color="k", lw=0.8, ls=":")
ax.plot(*running_mean(fitted, resid), color="#A60628", lw=1.8)
worst = np.argsort(-np.abs(resid))[:3]
for i in worst:
    ax.annotate(str(i), (fitted[i], resid[i]), xytext=(4, 2), textcoords="offset points", fontsize=8)
ax.set_title("Residuals vs Fitted")
ax.set_xlabel("Fitted values (k$)")
ax.set_ylabel("Residuals")

ax = axes[0, 1]
theo = norm_ppf((np.arange(1, n + 1) - 0.375) / (n + 0.25))
sample = np.sort(std_resid)
ax.scatter(theo, sample, s=14, facecolors="none", edgecolors="#348ABD")
q1, q3 = np.percentile(sample, [25, 75])
t1, t3 = norm_ppf(np.array([0.25, 0.75]))
slope = (q3 - q1) / (t3 - t1)
ax.axline((t1, q1), slope=slope, color="#A60628", lw=1.2, ls="--")
ax.set_title("Normal Q-Q")
ax.set_xlabel("Theoretical quantiles")
ax.set_ylabel("Standardized residuals")

ax = axes[1, 0]
root = np.sqrt(np.abs(std_resid))
ax.scatter(fitted, root, s=14, alpha=0.7, color="#467821")
ax.plot(*running_mean(fitted, root), color="#A60628", lw=1.8)
ax.set_title("Scale-Location")
ax.set_xlabel("Fitted values (k$)")
ax.set_ylabel(r"$\sqrt{|\mathrm{Standardized\ residuals}|}$")

ax = axes[1, 1]
ax.hist(std_resid, bins=24, density=True, color="#7A68A6", alpha=0.75, edgecolor="white")
grid = np.linspace(-4.5, 4.5, 200)
ax.plot(grid, np.exp(-(grid**2) / 2) / np.sqrt(2 * np.pi), color="k", lw=1.2, label="N(0, 1)")
ax.set_title("Residual distribution")
ax.set_xlabel("Standardized residuals")
ax.set_ylabel("Density")
ax.legend(loc="upper left")

fig.suptitle(f"OLS diagnostics: price ~ area + rooms   (R² = {1 - resid.var() / price.var():.2f})")
fig.tight_layout()
