#!/usr/bin/env python3
"""numpy reference for `dotnet run --project lib/WeakToStrong.Benchmarks -c Release -- side-by-side`.

Times one kernel at one size with the same protocol as the C# side: the inputs are built outside the timed
region (standard Gaussian entries; the symmetric input is (A + A^T)/2), one untimed warm-up call, then
`--repeats` timed calls with time.perf_counter. Prints one JSON object on stdout:
{"op", "n", "seconds": [...], "numpy": version, "blas": the BLAS library numpy loaded}.

With --serve, reads requests "<op> <n>" on stdin, one per line, and answers each with one JSON line
{"op", "n", "seconds": [one timed call]}, building (and caching) the inputs and warming up on the first request for
an (op, n); the C# side uses this to alternate its own calls with numpy's call by call.

Kernels (the same computations as the library's):
  matmul  C = A @ B for n x n A, B                     (C#: Matrix<double> * Matrix<double>, dgemm)
  eigh    w, V = numpy.linalg.eigh(S) for n x n S      (C#: SymmetricEigendecomposition.Of, dsyevd)
"""
import argparse
import json
import os
import sys
import time

import numpy as np


def loaded_blas():
    """The BLAS shared object(s) mapped into this process (Linux), e.g. libopenblasp-r0.3.21.so."""
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
        return sorted({os.path.basename(os.path.realpath(p)) for p in paths})
    except OSError:
        return []


def make_kernel(op, n, seed):
    """The timed callable for one kernel, with its inputs built (untimed) from a fixed seed."""
    rng = np.random.default_rng(seed)
    a = rng.standard_normal((n, n))
    if op == "matmul":
        b = rng.standard_normal((n, n))
        return lambda: a @ b
    s = (a + a.T) / 2
    return lambda: np.linalg.eigh(s)


def timed(kernel):
    start = time.perf_counter()
    kernel()
    return time.perf_counter() - start


def serve(seed):
    kernels = {}
    print(json.dumps({"ready": True, "numpy": np.__version__, "blas": loaded_blas()}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        op, n = line.split()
        key = (op, int(n))
        if key not in kernels:
            kernels.clear()  # one size's inputs in memory at a time
            if op not in ("matmul", "eigh"):
                raise SystemExit(f"unknown op {op!r}")
            kernels[key] = make_kernel(op, int(n), seed)
            kernels[key]()  # warm-up
        print(json.dumps({"op": op, "n": int(n), "seconds": [timed(kernels[key])]}), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--op", choices=["matmul", "eigh"])
    parser.add_argument("--n", type=int)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--serve", action="store_true", help="answer '<op> <n>' requests from stdin")
    args = parser.parse_args()
    if args.serve:
        serve(args.seed)
        return
    if args.op is None or args.n is None:
        parser.error("--op and --n are required without --serve")

    kernel = make_kernel(args.op, args.n, args.seed)
    kernel()  # warm-up: thread pool start, page faults
    seconds = [timed(kernel) for _ in range(args.repeats)]
    print(json.dumps({"op": args.op, "n": args.n, "seconds": seconds, "numpy": np.__version__, "blas": loaded_blas()}))


if __name__ == "__main__":
    main()
