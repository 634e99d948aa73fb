#!/usr/bin/env python3
"""numpy reference for the paper-scale intrinsic-dimension Monte Carlo of notebook 02 (the synthetic
regression and four-model trial of Dong et al. 2025, arXiv:2502.05075).

One figure's grid: the sweep over the labelled count n (linspace(400, 4000, 20)) at N = 4000 pseudo-labelled
samples, overlap d_{s^w} = 10 (doff = 90), d_s = 100, d_w = 200, R = 300, d = 20000, sigma^2 = 1e-2, 40 trials
per point; the same as `FourModelSweep.Run(configuration, grid, 40, seed)` in WeakToStrong.

Each trial, as the authors' simulator does, samples the design matrices: z ~ N(0, I_R) rows (only the R relevant
coordinates), target c_i = +-sqrt((i+1)^-1 / d) (Rademacher signs), y = z.c + eps, eps ~ N(0, sigma^2), and fits by
numpy.linalg.lstsq:
  weak teacher  f_w   = OLS of y_n on z_n[:, W], W = [doff, doff + d_w)
  W2S student   f_w2s = OLS of the teacher's predictions on z_N[:, W] on z_N[:, S], S = [0, d_s)
  strong        f_s   = OLS of y_n on z_n[:, S]
  ceiling       f_c   = OLS of (y_n, y_N) on (z_n, z_N)[:, S]
Excess risk ER(f) = E_z[(f(z) - c.z)^2] = |beta embedded in R^R - c|^2 (z is isotropic). Reports the mean over
trials of each ER and of the per-trial PGR = (ER_w - ER_w2s)/(ER_w - ER_c).

The library draws only the sufficient statistics Z^T Z and Z^T eps (the same joint law of the four fits; the notebook's
default), so its random numbers and cost differ; the trial means agree within their standard errors.
Prints one JSON line with "seconds" (the whole sweep after imports) and the per-point means.
"""
import argparse
import json
import time

import numpy as np


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n-grid", default=",".join(str(int(round(x))) for x in np.linspace(400, 4000, 20)))
    parser.add_argument("--big-n", type=int, default=4000)
    parser.add_argument("--overlap", type=int, default=10)
    parser.add_argument("--trials", type=int, default=40)
    parser.add_argument("--noise", type=float, default=1e-2)
    parser.add_argument("--seed", type=int, default=20250202)
    args = parser.parse_args()
    ds, dw, rank, ambient = 100, 200, 300, 20000
    doff = ds - args.overlap
    s = slice(0, ds)
    w = slice(doff, doff + dw)
    rng = np.random.default_rng(args.seed)
    c = rng.choice([-1.0, 1.0], size=rank) * np.sqrt(1.0 / np.arange(1, rank + 1) / ambient)
    sigma = np.sqrt(args.noise)
    big_n = args.big_n

    def risk(beta, cols):
        full = np.zeros(rank)
        full[cols] = beta
        return float(np.sum((full - c) ** 2))

    start = time.perf_counter()
    grid = [int(x) for x in args.n_grid.split(",")]
    means = {"Weak": [], "WeakToStrong": [], "StrongBaseline": [], "StrongCeiling": [], "PerformanceGapRecovered": []}
    for n in grid:
        rows = []
        for _ in range(args.trials):
            zn = rng.standard_normal((n, rank))
            yn = zn @ c + sigma * rng.standard_normal(n)
            zbig = rng.standard_normal((big_n, rank))
            ybig = zbig @ c + sigma * rng.standard_normal(big_n)
            beta_w = np.linalg.lstsq(zn[:, w], yn, rcond=None)[0]
            pseudo = zbig[:, w] @ beta_w
            beta_w2s = np.linalg.lstsq(zbig[:, s], pseudo, rcond=None)[0]
            beta_s = np.linalg.lstsq(zn[:, s], yn, rcond=None)[0]
            beta_c = np.linalg.lstsq(np.vstack([zn[:, s], zbig[:, s]]), np.concatenate([yn, ybig]), rcond=None)[0]
            er = (risk(beta_w, w), risk(beta_w2s, s), risk(beta_s, s), risk(beta_c, s))
            rows.append(er + ((er[0] - er[1]) / (er[0] - er[3]),))
        rows = np.array(rows)
        for k, name in enumerate(means):
            means[name].append(float(rows[:, k].mean()))
    seconds = time.perf_counter() - start
    print(json.dumps({"numpy": np.__version__, "seconds": seconds, "n": grid, **{k + "_mean": v for k, v in means.items()}}))


if __name__ == "__main__":
    main()
