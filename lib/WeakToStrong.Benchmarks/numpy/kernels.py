#!/usr/bin/env python3
"""numpy reference for `dotnet run --project lib/WeakToStrong.Benchmarks -c Release -- side-by-side`.

Times one kernel at one size with the same protocol as the C# side: the inputs are built outside the timed
region (standard Gaussian entries; the symmetric input is (A + A^T)/2), one untimed warm-up call, then
`--repeats` timed calls with time.perf_counter. Prints one JSON object on stdout:
{"op", "n", "seconds": [...], "numpy": version, "blas": the BLAS library numpy loaded}.

Kernels (the same computations as the library's):
  matmul  C = A @ B for n x n A, B                     (C#: Matrix<double> * Matrix<double>, dgemm)
  eigh    w, V = numpy.linalg.eigh(S) for n x n S      (C#: SymmetricEigendecomposition.Of, dsyevd)
"""
import argparse
import json
import os
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


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--op", choices=["matmul", "eigh"], required=True)
    parser.add_argument("--n", type=int, required=True)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--seed", type=int, default=20260101)
    args = parser.parse_args()

    rng = np.random.default_rng(args.seed)
    a = rng.standard_normal((args.n, args.n))
    if args.op == "matmul":
        b = rng.standard_normal((args.n, args.n))

        def kernel():
            return a @ b
    else:
        s = (a + a.T) / 2

        def kernel():
            return np.linalg.eigh(s)

    kernel()  # warm-up: thread pool start, page faults
    seconds = []
    for _ in range(args.repeats):
        start = time.perf_counter()
        kernel()
        seconds.append(time.perf_counter() - start)

    print(json.dumps({"op": args.op, "n": args.n, "seconds": seconds, "numpy": np.__version__, "blas": loaded_blas()}))


if __name__ == "__main__":
    main()
