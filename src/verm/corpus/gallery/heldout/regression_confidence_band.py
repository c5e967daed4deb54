# Scatter of study hours vs exam score with an OLS fit, its 95% confidence band and the fitted equation.
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(2024)
hours = rng.uniform(0.5, 12, 80)
score = 48 + 3.6 * hours + rng.normal(0, 7, hours.size)

X = np.column_stack([np.ones_like(hours), hours])
beta, *_ = np.linalg.lstsq(X, score, rcond=None)
resid = score - X @ beta
dof = hours.size - 2
s2 = resid @ resid / dof
cov = s2 * np.linalg.inv(X.T @ X)
xs = np.linspace(0, 12.5, 100)
Xs = np.column_stack([np.ones_like(xs), xs])
fit = Xs @ beta
se = np.sqrt(np.einsum("ij,jk,ik->i", Xs, cov, Xs))
t975 = 1.99
r2 = 1 - (resid @ resid) / np.sum((score - score.mean()) ** 2)

plt.style.use("seaborn-v0_8-whitegrid")
fig, ax = plt.subplots(figsize=(6, 4.5))
ax.scatter(hours, score, s=28, alpha=0.75, edgecolor="k", linewidth=0.4, label="Students")
ax.plot(xs, fit, color="crimson", lw=2, label="OLS fit")
ax.fill_between(xs, fit - t975 * se, fit + t975 * se, color="crimson", alpha=0.2, label="95% CI of mean")
ax.text(
    0.03,
    0.96,
    f"score = {beta[0]:.1f} + {beta[1]:.2f}·hours\n$R^2$ = {r2:.2f}",
    transform=ax.transAxes,
    va="top",
    fontsize=10,
    bbox=dict(boxstyle="round", facecolor="white", edgecolor="0.7"),
)
ax.set_xlabel("Hours studied per week")
ax.set_ylabel("Final exam score")
ax.set_xlim(0, 12.5)
ax.legend(loc="lower right")
fig.tight_layout()
plt.show()
