# ADSR amplitude envelope of a synthesiser note with its four phases shaded, above the resulting enveloped waveform.
import matplotlib.pyplot as plt
import numpy as np

attack, decay, sustain_level, release = 0.08, 0.15, 0.6, 0.35
note_off = 0.7
fs = 8000
t = np.arange(0, note_off + release + 0.1, 1 / fs)
env = np.zeros_like(t)
a = t < attack
d = (t >= attack) & (t < attack + decay)
s = (t >= attack + decay) & (t < note_off)
r = (t >= note_off) & (t < note_off + release)
env[a] = t[a] / attack
env[d] = 1 - (1 - sustain_level) * (t[d] - attack) / decay
env[s] = sustain_level
env[r] = sustain_level * np.exp(-5 * (t[r] - note_off) / release)
wave = env * np.sin(2 * np.pi * 55 * t) * (1 + 0.3 * np.sin(2 * np.pi * 110 * t))

with plt.style.context("fivethirtyeight"):
    fig, (ax, ax2) = plt.subplots(2, 1, figsize=(10, 7), sharex=True, gridspec_kw={"height_ratios": [1.4, 1]})
    ax.plot(t, env, color="#30a2da", lw=3)
    phases = [
        (0, attack, "Attack", "#fc4f30"),
        (attack, attack + decay, "Decay", "#e5ae38"),
        (attack + decay, note_off, "Sustain", "#6d904f"),
        (note_off, note_off + release, "Release", "#8b8b8b"),
    ]
    for x0, x1, name, c in phases:
        ax.axvspan(x0, x1, color=c, alpha=0.18)
        ax.text((x0 + x1) / 2, 1.08, name, ha="center", fontsize=12, color=c, weight="bold")
    ax.axhline(sustain_level, ls=":", color="#444444", lw=1.5)
    ax.annotate(
        "sustain level 0.6",
        (0.45, sustain_level),
        xytext=(0.45, 0.32),
        fontsize=11,
        ha="center",
        arrowprops=dict(arrowstyle="->", color="#444444"),
    )
    ax.annotate("note on", (0, 0), xytext=(0.02, 0.5), fontsize=10, arrowprops=dict(arrowstyle="->"))
    ax.annotate(
        "note off",
        (note_off, sustain_level),
        xytext=(note_off + 0.06, 0.9),
        fontsize=10,
        arrowprops=dict(arrowstyle="->"),
    )
    ax.set_ylim(0, 1.2)
    ax.set_ylabel("Amplitude")
    ax.set_title("ADSR envelope (A 80 ms, D 150 ms, S 0.6, R 350 ms)", fontsize=15)

    ax2.plot(t, wave, color="#30a2da", lw=0.6)
    ax2.fill_between(t, -env * 1.3, env * 1.3, color="#fc4f30", alpha=0.15, lw=0)
    ax2.plot(t, env * 1.3, color="#fc4f30", lw=1.5)
    ax2.plot(t, -env * 1.3, color="#fc4f30", lw=1.5)
    ax2.set_ylabel("Output")
    ax2.set_xlabel("Time (s)")
    ax2.set_xlim(0, t[-1])
    fig.tight_layout()
