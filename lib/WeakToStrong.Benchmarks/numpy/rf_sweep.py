#!/usr/bin/env python3
"""numpy reference for the paper-scale random-feature sweep of notebook 01 (ReLU random features with a
linear target as in Fig. 2 of Medvedev et al. 2025, arXiv:2503.02877, set on the sphere).

The same computation as `TeacherWidthSweep.Relu([10], [16, ..., 2048], 5 seeds, grid 4000)` in WeakToStrong:
for each teacher width M and seed,
  W      M x d unit rows, uniform on S^(d-1) (g / |g|, g ~ N(0, I_d))
  R      = W W^T (diagonal 1, clipped to [-1, 1]);  G = k1(R) / d,  k1(r) = (sqrt(1 - r^2) + (pi - arccos r) r) / (2 pi)
  b      = W e_1 / (2 sqrt d);  a = G^-1 b by Cholesky;  L_TE = 1 - b.a
  masses m_0 = lambda_0 (sum a)^2;  m_1 = c_1^2 + p_1 with v = W^T a / 2, c_1 = v_1 / sqrt d, p_1 = sum_(j>=2) v_j^2 / d;
         m_k = N_k lambda_k a^T P_k(R) a for k = 2..60 (Gegenbauer three-term recurrence on the upper triangle of R)
  tail   = (1 - L_TE) - sum_k m_k, placed on lambda_62
  student (M_ST = infinity): L_ST(t) = (L_TE + c_1 e^(-lambda_1 t))^2 + p_1 g_1^2 + sum_(k != 1) m_k g_k^2 + tail g_tail^2,
         g_k = -expm1(-lambda_k t)
  oracle stop: argmin of L_ST on 4000 log-spaced points of t lambda_1 in [1e-2, 1e4], refined by golden-section search
         in log t between the best point's neighbours (as the library's StoppingTime.Search).
The spectrum (Funk-Hecke coefficients of ReLU on the sphere, multiplicities N_k) uses the same closed forms.
The random streams differ from the library's, so single runs differ; seed-averaged losses agree within the
seed-to-seed spread, and `--weights FILE` (the C# side's weight rows for one run, CSV) gives a deterministic check.

Prints one JSON line: {"seconds", "widths", "teacher_loss_mean", "student_loss_mean", "numpy", ...}.
Timing covers the whole sweep (sampling included), after imports; the interpreter's start is not timed.
"""
import argparse
import json
import math
import time

import numpy as np

D = 10
MAX_DEGREE = 60


def log_abs_funk_hecke(k, d):
    half_log_pi = 0.5 * math.log(math.pi)
    if k == 0:
        return math.lgamma(d / 2) - half_log_pi - math.lgamma((d - 1) / 2) - math.log(d - 1)
    if k == 1:
        return -math.log(2 * d)
    if k % 2 == 1:
        return -math.inf
    return (math.lgamma(d / 2) + math.lgamma(k - 1) - half_log_pi - k * math.log(2)
            - math.lgamma(k / 2) - math.lgamma((k + d + 1) / 2))


def log_multiplicity(k, d):
    if k == 0:
        return 0.0
    return (math.log(2 * k + d - 2) - math.log(k)
            + math.lgamma(k + d - 2) - math.lgamma(k) - math.lgamma(d - 1))


def spectrum(d, max_degree):
    """(lambda_k, N_k lambda_k) for k = 0..K and the tail eigenvalue lambda at the first even degree above K."""
    log_eig = np.array([2 * log_abs_funk_hecke(k, d) for k in range(max_degree + 1)])
    eig = np.exp(log_eig)
    shares = np.array([0.0 if math.isinf(log_eig[k]) else math.exp(log_multiplicity(k, d) + log_eig[k])
                       for k in range(max_degree + 1)])
    tail_degree = max_degree + 2 if max_degree % 2 == 0 else max_degree + 1
    return eig, shares, math.exp(2 * log_abs_funk_hecke(tail_degree, d))


def legendre_forms(r, a, d, max_degree):
    """q_k = a^T P_k(R) a, k = 0..K, one recurrence pass over the upper triangle of R."""
    iu = np.triu_indices(len(a))
    rho = r[iu]
    weight = np.outer(a, a)[iu] * np.where(iu[0] == iu[1], 1.0, 2.0)
    forms = np.empty(max_degree + 1)
    prev = np.ones_like(rho)
    cur = rho.copy()
    forms[0] = weight.sum()
    forms[1] = weight @ cur
    nxt = np.empty_like(rho)
    for k in range(1, max_degree):
        ak = (2 * k + d - 2) / (k + d - 2)
        bk = k / (k + d - 2)
        np.multiply(rho, cur, out=nxt)
        nxt *= ak
        nxt -= bk * prev
        forms[k + 1] = weight @ nxt
        prev, cur, nxt = cur, nxt, prev
    return forms


def teacher(w, eig, shares, tail_eig):
    """The student's loss terms (lambda, mass) plus (L_TE, c_1) for the teacher with unit weight rows w."""
    m, d = w.shape
    r = w @ w.T
    np.fill_diagonal(r, 1.0)
    np.clip(r, -1.0, 1.0, out=r)
    g = (np.sqrt((1 - r) * (1 + r)) + (np.pi - np.arccos(r)) * r) / (2 * np.pi * d)
    b = w[:, 0] / (2 * math.sqrt(d))
    chol = np.linalg.cholesky(g)
    a = np.linalg.solve(chol.T, np.linalg.solve(chol, b))  # a competent user without scipy; cho_solve with scipy
    explained = b @ a
    loss = 1.0 - explained
    v = w.T @ a / 2
    c1 = v[0] / math.sqrt(d)
    p1 = (v[1:] @ v[1:]) / d
    forms = legendre_forms(r, a, d, MAX_DEGREE)
    masses = shares * forms
    masses[0] = eig[0] * a.sum() ** 2
    masses[1] = c1 * c1 + p1
    tail = explained - masses.sum()
    keep = [k for k in range(MAX_DEGREE + 1) if k != 1 and eig[k] != 0]
    lambdas = np.concatenate([[eig[1]], eig[keep], [tail_eig]])
    weights = np.concatenate([[p1], np.maximum(masses[keep], 0.0), [max(tail, 0.0)]])
    return loss, c1, lambdas, weights


def student_loss(t, loss, c1, lam1, lambdas, weights):
    """L_ST at the times t (array)."""
    t = np.atleast_1d(t)
    target = (loss + c1 * np.exp(-lam1 * t)) ** 2
    g = -np.expm1(-np.outer(t, lambdas))
    return target + (g * g) @ weights


def oracle_stop(loss, c1, lam1, lambdas, weights, points=4000, smin=1e-2, smax=1e4):
    log_grid = np.linspace(math.log(smin / lam1), math.log(smax / lam1), points)
    times = np.exp(log_grid)
    values = student_loss(times, loss, c1, lam1, lambdas, weights)
    best = int(np.argmin(values))
    lo, hi = log_grid[max(best - 1, 0)], log_grid[min(best + 1, points - 1)]

    def f(u):
        return float(student_loss(math.exp(u), loss, c1, lam1, lambdas, weights)[0])

    ratio = (math.sqrt(5) - 1) / 2
    c, dd = hi - ratio * (hi - lo), lo + ratio * (hi - lo)
    fc, fd = f(c), f(dd)
    for _ in range(200):
        if hi - lo <= 1e-10 * (1 + abs(lo)):
            break
        if fc <= fd:
            hi, dd, fd = dd, c, fc
            c = hi - ratio * (hi - lo)
            fc = f(c)
        else:
            lo, c, fc = c, dd, fd
            dd = lo + ratio * (hi - lo)
            fd = f(dd)
    u, fu = (c, fc) if fc <= fd else (dd, fd)
    return min(fu, float(values[best]))


def run(w, eig, shares, tail_eig):
    loss, c1, lambdas, weights = teacher(w, eig, shares, tail_eig)
    return loss, oracle_stop(loss, c1, eig[1], lambdas, weights)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--widths", default="16,32,64,128,256,512,1024,2048")
    parser.add_argument("--trials", type=int, default=5)
    parser.add_argument("--seed", type=int, default=20250101)
    parser.add_argument("--weights", help="CSV of one run's unit weight rows (deterministic check)")
    args = parser.parse_args()
    eig, shares, tail_eig = spectrum(D, MAX_DEGREE)
    out = {"numpy": np.__version__}
    if args.weights:
        w = np.loadtxt(args.weights, delimiter=",", ndmin=2)
        loss, student = run(w, eig, shares, tail_eig)
        out.update({"check_teacher_loss": loss, "check_student_loss": student})
    widths = [int(x) for x in args.widths.split(",")]
    rng = np.random.default_rng(args.seed)
    start = time.perf_counter()
    teacher_losses, student_losses = [], []
    for m in widths:
        te, st = [], []
        for _ in range(args.trials):
            g = rng.standard_normal((m, D))
            w = g / np.linalg.norm(g, axis=1, keepdims=True)
            loss, student = run(w, eig, shares, tail_eig)
            te.append(loss)
            st.append(student)
        teacher_losses.append(te)
        student_losses.append(st)
    seconds = time.perf_counter() - start
    out.update({"seconds": seconds, "widths": widths,
                "teacher_loss_mean": [float(np.mean(x)) for x in teacher_losses],
                "student_loss_mean": [float(np.mean(x)) for x in student_losses],
                "teacher_loss_sd": [float(np.std(x, ddof=1)) if len(x) > 1 else 0.0 for x in teacher_losses]})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
