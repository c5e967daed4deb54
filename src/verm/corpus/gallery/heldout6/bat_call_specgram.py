# Waveform and spectrogram (specgram) of a synthetic bat echolocation sequence of downward frequency sweeps
import matplotlib.pyplot as plt
import numpy as np

plt.style.use("seaborn-v0_8-dark")

fs = 250_000
t = np.arange(0, 0.12, 1 / fs)
signal = np.zeros_like(t)
for start in (0.01, 0.045, 0.075, 0.1):
    dur = 0.006
    mask = (t >= start) & (t < start + dur)
    tau = t[mask] - start
    f_start, f_end = 58_000, 30_000
    phase = 2 * np.pi * (f_start * tau + (f_end - f_start) * tau**2 / (2 * dur))
    signal[mask] += np.hanning(mask.sum()) * np.sin(phase)
    signal[mask] += 0.25 * np.hanning(mask.sum()) * np.sin(2 * phase)
rng = np.random.default_rng(5)
signal += rng.normal(0, 0.03, t.size)

fig, (ax_w, ax_s) = plt.subplots(2, 1, figsize=(9, 6), sharex=True, height_ratios=[1, 2.4])
ax_w.plot(t * 1e3, signal, color="#3b4cc0", lw=0.5)
ax_w.set_ylabel("Amplitude")
ax_w.set_title("Pipistrelle-like echolocation calls (synthetic)")
spec, freqs, bins, im = ax_s.specgram(
    signal, NFFT=512, Fs=fs, noverlap=448, cmap="inferno", vmin=-110, vmax=-40, xextent=(0, t[-1] * 1e3)
)
ax_s.set_ylim(0, 125_000)
ax_s.set_yticks(np.arange(0, 125_001, 25_000), [f"{v // 1000:d}" for v in range(0, 125_001, 25_000)])
ax_s.set_ylabel("Frequency (kHz)")
ax_s.set_xlabel("Time (ms)")
cbar = fig.colorbar(im, ax=[ax_w, ax_s], pad=0.02, shrink=0.7)
cbar.set_label("Power (dB/Hz)")
plt.show()
