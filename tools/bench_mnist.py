#!/usr/bin/python3
"""Chapter 04 speed check: one epoch of the book's experiment in numpy and in the course's C++.

Usage: bench_mnist.py [--demo BUILD/demo_04_sgd] [--data fashion-mnist] [--limit 50000] [--epochs 1]

The numpy side is a faithful float64 implementation of Nielsen's network.py written from the
equations: [784, 30, 10] sigmoid network, N(0, 1) initialisation, quadratic cost, mini-batches of
10, eta = 3.0, and backprop one example at a time (as in the book), with numpy's BLAS held to one
thread (OPENBLAS_NUM_THREADS=1, set before numpy is imported). The C++ side is
`demo_04_sgd <data> --bench-epoch`, which times one epoch of the per-example path
(update_mini_batch) and one of the matrix-based mini-batch (update_mini_batch_matrix).

Prints seconds per epoch, the ratios, and the matrix path's fraction of the ~50 ms floor
(4.8 GFLOP per epoch at ~97 GFLOP/s single-core fp32).
Data are found as the course finds them: $COURSE_DATA_DIR/<data>, else <repo>/data/<data>.
"""
import os

for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[var] = "1"

import argparse
import contextlib
import gzip
import io
import pathlib
import re
import struct
import subprocess
import sys
import time

import numpy as np

REPO = pathlib.Path(__file__).resolve().parent.parent
FLOOR_GFLOPS = 97.0  # single-core fp32 peak the course quotes for its machine


def data_dir() -> pathlib.Path:
    env = os.environ.get("COURSE_DATA_DIR")
    return pathlib.Path(env) if env else REPO / "data"


def open_idx(folder: pathlib.Path, name: str):
    for path in (folder / name, folder / (name + ".gz")):
        if path.exists():
            return gzip.open(path, "rb") if path.suffix == ".gz" else open(path, "rb")
    sys.exit(f"data file not found: {folder / name}[.gz] (run `./course data`, or set COURSE_DATA_DIR)")


def load(folder: pathlib.Path, prefix: str, limit: int = 0):
    """(x, y): x is a list of (784, 1) float64 columns in [0, 1], y a list of labels."""
    with open_idx(folder, f"{prefix}-images-idx3-ubyte") as f:
        magic, n, rows, cols = struct.unpack(">IIII", f.read(16))
        assert magic == 2051, f"{prefix} images: magic {magic}, expected 2051"
        n = min(n, limit) if limit else n
        pixels = np.frombuffer(f.read(n * rows * cols), dtype=np.uint8).reshape(n, rows * cols)
    with open_idx(folder, f"{prefix}-labels-idx1-ubyte") as f:
        magic, m = struct.unpack(">II", f.read(8))
        assert magic == 2049, f"{prefix} labels: magic {magic}, expected 2049"
        labels = np.frombuffer(f.read(n), dtype=np.uint8)
    x = [(p.astype(np.float64) / 255.0).reshape(784, 1) for p in pixels]
    return x, [int(v) for v in labels]


def one_hot(j: int):
    e = np.zeros((10, 1))
    e[j] = 1.0
    return e


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_prime(z):
    s = sigmoid(z)
    return s * (1 - s)


class Network:
    """Nielsen's network: w[l] is (n_{l+1}, n_l), b[l] is (n_{l+1}, 1)."""

    def __init__(self, sizes, rng):
        self.sizes = sizes
        self.b = [rng.standard_normal((m, 1)) for m in sizes[1:]]
        self.w = [rng.standard_normal((m, n)) for n, m in zip(sizes[:-1], sizes[1:])]

    def feedforward(self, a):
        for b, w in zip(self.b, self.w):
            a = sigmoid(w @ a + b)  # (m, n) x (n, 1) + (m, 1) -> (m, 1)
        return a

    def backprop(self, x, y):
        """The gradient of C = ½‖a − y‖² for one example: BP1–BP4."""
        nabla_b = [None] * len(self.b)
        nabla_w = [None] * len(self.w)
        a, activations, zs = x, [x], []
        for b, w in zip(self.b, self.w):
            z = w @ a + b
            zs.append(z)
            a = sigmoid(z)
            activations.append(a)
        delta = (activations[-1] - y) * sigmoid_prime(zs[-1])  # BP1
        nabla_b[-1] = delta                                     # BP3
        nabla_w[-1] = delta @ activations[-2].T                 # BP4
        for l in range(2, len(self.sizes)):
            delta = (self.w[-l + 1].T @ delta) * sigmoid_prime(zs[-l])  # BP2
            nabla_b[-l] = delta
            nabla_w[-l] = delta @ activations[-l - 1].T
        return nabla_b, nabla_w

    def update_mini_batch(self, batch, eta):
        nabla_b = [np.zeros(b.shape) for b in self.b]
        nabla_w = [np.zeros(w.shape) for w in self.w]
        for x, y in batch:
            db, dw = self.backprop(x, y)
            nabla_b = [nb + d for nb, d in zip(nabla_b, db)]
            nabla_w = [nw + d for nw, d in zip(nabla_w, dw)]
        self.w = [w - (eta / len(batch)) * nw for w, nw in zip(self.w, nabla_w)]
        self.b = [b - (eta / len(batch)) * nb for b, nb in zip(self.b, nabla_b)]

    def epoch(self, train, batch_size, eta, rng):
        order = rng.permutation(len(train))
        shuffled = [train[i] for i in order]
        for k in range(0, len(shuffled), batch_size):
            self.update_mini_batch(shuffled[k:k + batch_size], eta)

    def evaluate(self, x, y):
        return sum(int(np.argmax(self.feedforward(a)) == t) for a, t in zip(x, y))


def blas_in_use() -> str:
    """What numpy was built against (show_config) and which BLAS library is actually loaded."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        np.show_config()
    config = buf.getvalue()
    names = sorted(set(re.findall(r"libraries = \[([^\]]*)\]", config)))
    loaded = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            if re.search(r"blas|lapack|mkl|blis", line, re.I):
                loaded.add(line.split()[-1])
    return (f"numpy {np.__version__} built with BLAS libraries {', '.join(names) or '(not stated)'}; "
            f"loaded: {', '.join(sorted(loaded)) or '(none found)'}; "
            f"OPENBLAS_NUM_THREADS={os.environ['OPENBLAS_NUM_THREADS']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--demo", default=str(REPO / "build" / "learner" / "demo_04_sgd"), help="the demo_04_sgd binary")
    ap.add_argument("--data", default="fashion-mnist")
    ap.add_argument("--limit", type=int, default=50000, help="training images (the book: 50,000)")
    ap.add_argument("--epochs", type=int, default=1, help="numpy epochs to time (the mean is reported)")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    print(blas_in_use())
    folder = data_dir() / args.data
    x, y = load(folder, "train", args.limit)
    tx, ty = load(folder, "t10k")
    train = list(zip(x, [one_hot(v) for v in y]))
    print(f"data: {folder}: {len(train)} training / {len(tx)} test images")

    rng = np.random.default_rng(args.seed)
    net = Network([784, 30, 10], rng)
    t0 = time.perf_counter()
    for _ in range(args.epochs):
        net.epoch(train, 10, 3.0, rng)
    numpy_s = (time.perf_counter() - t0) / args.epochs
    acc = net.evaluate(tx, ty) / len(tx)
    print(f"numpy float64 per-example : {numpy_s:8.3f} s/epoch   (test accuracy after {args.epochs} epoch(s): {100 * acc:.2f}%)")

    demo = pathlib.Path(args.demo)
    if not demo.exists():
        print(f"{demo} not found: build it (cmake --build build --target demo_04_sgd) or pass --demo")
        return 1
    run = subprocess.run([str(demo), args.data, "--bench-epoch", "--train-limit", str(args.limit), "--seed", str(args.seed)],
                         capture_output=True, text=True)
    if run.returncode != 0:
        print(run.stdout + run.stderr)
        return 1
    vals = dict(re.findall(r"(\w+)=([0-9.e+-]+%?)", run.stdout))
    per_s = mat_s = None
    per_acc = mat_acc = "?"
    flops = float(vals["flops_per_epoch"])
    for line in run.stdout.splitlines():
        m = re.match(r"BENCH (per_example|matrix) seconds=([0-9.]+) test_accuracy=([0-9.]+%)", line)
        if m and m.group(1) == "per_example":
            per_s, per_acc = float(m.group(2)), m.group(3)
        elif m:
            mat_s, mat_acc = float(m.group(2)), m.group(3)
    floor_s = flops / (FLOOR_GFLOPS * 1e9)
    print(f"C++ float per-example      : {per_s:8.3f} s/epoch   (test accuracy after 1 epoch: {per_acc})")
    print(f"C++ float matrix (X 784x10): {mat_s:8.3f} s/epoch   (test accuracy after 1 epoch: {mat_acc})")
    print(f"ratios: numpy / per-example C++ = {numpy_s / per_s:.1f}x, numpy / matrix C++ = {numpy_s / mat_s:.1f}x, "
          f"per-example / matrix = {per_s / mat_s:.1f}x")
    print(f"floor: {flops / 1e9:.2f} GFLOP per epoch at {FLOOR_GFLOPS:.0f} GFLOP/s = {1e3 * floor_s:.0f} ms; "
          f"the matrix path runs at {flops / mat_s / 1e9:.1f} GFLOP/s = {100 * floor_s / mat_s:.0f}% of the floor")
    print(f"C++ peak RSS: {vals.get('peak_rss_mib', '?')} MiB")
    target = numpy_s / mat_s >= 20
    print(f"target (matrix C++ >= 20x numpy): {'met' if target else 'NOT met'}")
    return 0 if target else 1


if __name__ == "__main__":
    sys.exit(main())
