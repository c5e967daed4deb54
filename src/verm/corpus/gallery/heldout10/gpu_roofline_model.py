# Roofline model of a GPU: memory and compute ceilings on log2 axes with measured kernels placed by arithmetic intensity
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("bmh")
peak_fp32 = 19500.0  # GFLOP/s
peak_fp64 = 9700.0
bw_hbm = 1555.0  # GB/s
bw_l2 = 4100.0
ai = np.logspace(-3, 7, 400, base=2)

fig, ax = plt.subplots(figsize=(8, 5.6))
ax.plot(ai, np.minimum(bw_hbm * ai, peak_fp32), color="k", lw=2.4, label="HBM roof")
ax.plot(ai, np.minimum(bw_l2 * ai, peak_fp32), color="0.45", lw=1.4, ls="--", label="L2 roof")
ax.plot(ai, np.minimum(bw_hbm * ai, peak_fp64), color="tab:purple", lw=1.4, ls="-.", label="FP64 ceiling")
ridge = peak_fp32 / bw_hbm
ax.axvline(ridge, color="0.6", lw=0.8, ls=":")
ax.text(ridge * 1.08, 40, f"ridge point\n{ridge:.1f} FLOP/B", fontsize=8, color="0.3")
ax.fill_between(ai, 1, np.minimum(bw_hbm * ai, peak_fp32), where=ai < ridge, color="tab:blue", alpha=0.07)
ax.fill_between(ai, 1, np.minimum(bw_hbm * ai, peak_fp32), where=ai >= ridge, color="tab:red", alpha=0.07)
ax.text(0.3, 2.5, "memory-bound", color="tab:blue", fontsize=10)
ax.text(30, 90, "compute-bound", color="tab:red", fontsize=10)
ax.text(0.2, bw_hbm * 0.2 * 1.08, f"HBM {bw_hbm:.0f} GB/s", rotation=33, fontsize=8, rotation_mode="anchor")
ax.text(40, peak_fp32 * 1.12, f"FP32 peak {peak_fp32 / 1000:.1f} TFLOP/s", fontsize=8)

kernels = {
    "SpMV": (0.25, 290),
    "stencil 7pt": (0.9, 1100),
    "FFT": (2.2, 2300),
    "LayerNorm": (1.3, 1650),
    "GEMM fp32": (64, 17100),
    "conv3x3": (18, 10200),
    "attention": (9, 6900),
}
markers = "osD^vP*"
for (name, (x, y)), m in zip(kernels.items(), markers):
    ax.plot(x, y, m, ms=9, mec="k", label=name)
    ax.annotate(name, (x, y), xytext=(6, -12), textcoords="offset points", fontsize=8)
ax.set_xscale("log", base=2)
ax.set_yscale("log", base=2)
ax.set_xlim(ai[0], ai[-1])
ax.set_ylim(1, 2**16)
ax.set_xlabel("Arithmetic intensity (FLOP / byte)")
ax.set_ylabel("Attained performance (GFLOP/s)")
ax.set_title("Roofline: A100-class accelerator, measured kernels")
ax.legend(loc="lower right", fontsize=8, ncols=2)
fig.tight_layout()
