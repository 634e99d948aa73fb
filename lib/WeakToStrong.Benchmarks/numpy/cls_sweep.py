#!/usr/bin/env python3
"""numpy reference for the paper-scale synthetic classification sweep of notebook 03 (NoisyTeacherClassification,
the library's synthetic stand-in for the student-loss comparison of Xu et al. 2025, arXiv:2505.24313).

The same computation as the notebook's `Sweep.Run` over NoisyTeacherClassification.Run in WeakToStrong: for each
loss (CE, RCE, CACE c = 0.1, SL alpha = 1 beta = 0.1), shrink setting (rate, alpha) in {(0, 1), (0.5, 0.3),
(0.5, 0.1), (0.9, 0.1)} and seed (5 seeds):
  d = 20, w* uniform unit vector, w_t = normalize(w* + 0.5 g / sqrt d); x ~ N(0, I_d), y = 1[w*.x > 0],
  teacher soft label q = sigmoid(2 w_t.x + eta), eta ~ N(0, 1.5^2) afresh per sample; N = 2000 training points,
  20 000 test points; floor(N rate) training labels chosen without replacement shrunk to 0.5 + alpha (q - 0.5);
  a logistic student sigmoid(w.x + b) from zero, full-batch Adam (PyTorch form, step 0.05, betas (0.9, 0.999),
  eps 1e-8), 3000 steps, on the batch-mean loss; reverse-CE logs clamped at -100 as PyTorch does.
Reports the student's test accuracy against ground truth and mean predictive entropy (nats), and the noisy
teacher's test accuracy and the posterior-mean teacher's accuracy 1 - angle(w_t, w*)/pi, averaged over seeds. The data of one seed are shared by all losses and shrink settings (as
in the library: paired comparison). The random streams differ from the library's, so seed means agree to the
seed-to-seed spread; `--data FILE` (the C# side's training inputs and labels, CSV) gives a deterministic check of
the training loop.

Prints one JSON line with "seconds" (the whole sweep after imports) and the means.
"""
import argparse
import json
import math
import time

import numpy as np

LOSSES = ["CE", "RCE", "CACE", "SL"]
SHRINKS = [(0.0, 1.0), (0.5, 0.3), (0.5, 0.1), (0.9, 0.1)]


def sigmoid_pair(z):
    """(p, 1 - p) without overflow."""
    e = np.exp(-np.abs(z))
    big = 1 / (1 + e)
    small = e / (1 + e)
    pos = z >= 0
    return np.where(pos, big, small), np.where(pos, small, big)


def train(x, q, loss, steps=3000, rate=0.05, beta1=0.9, beta2=0.999, eps=1e-8):
    n, d = x.shape
    x1 = np.hstack([x, np.ones((n, 1))])
    with np.errstate(divide="ignore"):
        log_q = np.maximum(np.log(q), -100.0)
        log_1mq = np.maximum(np.log1p(-q), -100.0)
    reverse_slope = log_1mq - log_q
    forward_mask = np.abs(q - 0.5) >= 0.1
    theta = np.zeros(d + 1)
    m = np.zeros(d + 1)
    v = np.zeros(d + 1)
    b1, b2 = 1.0, 1.0
    for _ in range(steps):
        p, one_minus_p = sigmoid_pair(x1 @ theta)
        if loss == "CE":
            gz = p - q
        elif loss == "RCE":
            gz = p * one_minus_p * reverse_slope
        elif loss == "CACE":
            gz = np.where(forward_mask, p - q, p * one_minus_p * reverse_slope)
        else:  # SL
            gz = (p - q) + 0.1 * p * one_minus_p * reverse_slope
        g = x1.T @ gz / n
        b1 *= beta1
        b2 *= beta2
        m = beta1 * m + (1 - beta1) * g
        v = beta2 * v + (1 - beta2) * g * g
        theta -= rate * (m / (1 - b1)) / (np.sqrt(v / (1 - b2)) + eps)
    return theta


def entropy_of_logits(z):
    p, one_minus_p = sigmoid_pair(z)
    with np.errstate(divide="ignore", invalid="ignore"):
        h = -(np.where(p > 0, p * np.log(p), 0.0) + np.where(one_minus_p > 0, one_minus_p * np.log(one_minus_p), 0.0))
    return float(h.mean())


def sample(rng, count, truth, teacher, d):
    x = rng.standard_normal((count, d))
    y = (x @ truth > 0).astype(int)
    q, _ = sigmoid_pair(2.0 * (x @ teacher) + 1.5 * rng.standard_normal(count))
    return x, y, q


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=5)
    parser.add_argument("--train", type=int, default=2000)
    parser.add_argument("--test", type=int, default=20000)
    parser.add_argument("--steps", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=20250303)
    parser.add_argument("--data", help="CSV rows x_1..x_d, q of one training set (deterministic check, CE, --steps)")
    args = parser.parse_args()
    d = 20
    out = {"numpy": np.__version__}
    if args.data:
        data = np.loadtxt(args.data, delimiter=",", ndmin=2)
        out["check_parameters"] = train(data[:, :-1], data[:, -1], "CE", steps=args.steps).tolist()
    start = time.perf_counter()
    acc = {name: [] for name in LOSSES}
    ent = {name: [] for name in LOSSES}
    teacher_acc = []
    posterior_mean_acc = []
    for s in range(args.seeds):
        rng = np.random.default_rng([args.seed, s])
        truth = rng.standard_normal(d)
        truth /= np.linalg.norm(truth)
        teacher = truth + 0.5 / math.sqrt(d) * rng.standard_normal(d)
        teacher /= np.linalg.norm(teacher)
        posterior_mean_acc.append(1 - math.acos(min(1.0, float(teacher @ truth))) / math.pi)
        x, _, q = sample(rng, args.train, truth, teacher, d)
        xt, yt, qt = sample(rng, args.test, truth, teacher, d)
        teacher_acc.append(float(np.mean((qt > 0.5) == (yt == 1))))
        for rate, alpha in SHRINKS:
            labels = q.copy()
            chosen = rng.choice(args.train, size=int(math.floor(args.train * rate)), replace=False)
            labels[chosen] = 0.5 + alpha * (labels[chosen] - 0.5)
            for name in LOSSES:
                theta = train(x, labels, name, steps=args.steps)
                zt = xt @ theta[:-1] + theta[-1]
                acc[name].append(float(np.mean((zt > 0) == (yt == 1))))
                ent[name].append(entropy_of_logits(zt))
    seconds = time.perf_counter() - start
    out.update({"seconds": seconds, "teacher_accuracy": float(np.mean(teacher_acc)),
                "posterior_mean_accuracy": float(np.mean(posterior_mean_acc)),
                "student_accuracy": {k: float(np.mean(v)) for k, v in acc.items()},
                "student_entropy": {k: float(np.mean(v)) for k, v in ent.items()}})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
