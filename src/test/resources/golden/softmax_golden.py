#!/usr/bin/env python3
"""Writes the golden files that the softmax tests compare against, bit for bit.

Run from this directory:  python3 softmax_golden.py

The outputs are numpy's float32 results on x86-64 with AVX512F (the files in this directory
were written by numpy 2.4.6 there). numpy's float32 exp and log are its own SIMD kernels on
that CPU, so running this script on another machine (AArch64, or x86 without AVX512F) may
change the last bit of some outputs; regenerate only on the reference platform.

Every float32 is written as its IEEE bit pattern, 8 hex digits.

Files:
  exp_golden.csv       x,exp: np.exp over float32 arrays; inputs spread evenly over the bit
                       patterns of [-104, 89], dense around the denormal and overflow edges,
                       plus the special values
  log_golden.csv       x,log: np.log over float32 arrays; positive inputs over the whole
                       range (denormals included), plus the special values
  softmax_golden.csv   row,cols,input,softmax,log_softmax: one matrix row per line, each a
                       space-separated list of cols patterns; each row was computed on its own
                       as a (1, cols) float32 array with the code in softmax() and log_softmax()
"""
import numpy as np

SEED = 20240601


def bits(a):
    return [format(int(b), '08x') for b in np.asarray(a, dtype=np.float32).reshape(-1).view(np.uint32)]


def f32(pattern_list):
    return np.array(pattern_list, dtype=np.uint32).view(np.float32)


def softmax(x):
    e = np.exp(x - np.max(x, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


def log_softmax(x):
    s = x - np.max(x, axis=1, keepdims=True)
    return s - np.log(np.sum(np.exp(s), axis=1, keepdims=True))


def exp_inputs(rng):
    def pattern(v):
        return int(np.array([v], dtype=np.float32).view(np.uint32)[0])

    out = []
    # evenly over the bit patterns: +0 .. 89 and -0 .. -104
    out += list(np.linspace(0, pattern(89.0), 1500).astype(np.uint64))
    out += list(np.linspace(pattern(-0.0), pattern(-104.0), 1500).astype(np.uint64))
    # dense: denormal results (x in [-104, -87]) and the overflow edge
    out += [pattern(v) for v in rng.uniform(-104.0, -87.0, 600).astype(np.float32)]
    out += [pattern(v) for v in rng.uniform(88.0, 88.8, 200).astype(np.float32)]
    # the exact thresholds and their neighbours
    for edge in (88.72283935546875, -103.97208404541015625, -87.33654, -87.0, 88.0):
        p = pattern(edge)
        out += [p - 2, p - 1, p, p + 1, p + 2]
    # ordinary softmax territory: x - max in [-30, 0]
    out += [pattern(v) for v in rng.uniform(-30.0, 0.0, 500).astype(np.float32)]
    special = [0.0, -0.0, 1.0, -1.0, 1e-45, -1e-45, 1e-38, -1e-38, 1e-8, -1e-8,
               np.inf, -np.inf, np.nan, 1e30, -1e30, 3.4028235e38, -3.4028235e38, 200.0, -200.0]
    out += [pattern(v) for v in special]
    out += [0xffc00000, 0x7f800001, 0x7fc00001]  # -nan, signalling and payload NaNs
    return f32([int(p) & 0xffffffff for p in out])


def log_inputs(rng):
    out = list(np.linspace(1, 0x7f7fffff, 2500).astype(np.uint64))       # all positive floats
    out += list(rng.integers(0x3f800000, 0x43960000, 1000))               # [1, 300]: row sums
    out += list(rng.integers(1, 0x00800000, 100))                         # denormals
    x = f32([int(p) for p in out])
    special = np.array([0.0, -0.0, 1.0, 2.0, 0.5, 0.70710677, 0.7071068, 1.4142135, np.inf,
                        -np.inf, -1.0, -1e-45, np.nan], dtype=np.float32)
    return np.concatenate([x, special, f32([0xffc00000])])


def softmax_rows(rng):
    rows = [
        [1, 2, 3],
        [-1, -2, -3],
        [1000, 1001],
        [0, 200],
        [4.8, 1.21, 2.385],        # the book's layer outputs
        [8.9, -1.81, 0.2],
        [1.41, 1.051, 0.026],
        [0.0],
        [-7.5],
        [3.0, 3.0, 3.0, 3.0],
        [0.0, -0.0],
        [-1e30, 1e30],
        [88.0, -88.0, 0.0],
    ]
    widths = [1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 64, 127, 128, 129, 136, 200, 255, 256, 257, 300]
    while len(rows) < 200:
        if len(rows) < 80:
            cols = widths[len(rows) % len(widths)]
        else:  # log-uniform in [1, 300]: mostly narrow rows, some wide
            cols = int(np.exp(rng.uniform(0, np.log(301))))
        scale = [0.01, 0.1, 1.0, 3.0, 10.0, 100.0][int(rng.integers(0, 6))]
        row = rng.standard_normal(cols) * scale + rng.uniform(-50, 50)
        rows.append(list(row))
    return [np.array([r], dtype=np.float32) for r in rows]


def main():
    rng = np.random.default_rng(SEED)
    with np.errstate(all='ignore'):
        x = exp_inputs(rng)
        with open('exp_golden.csv', 'w') as f:
            f.write('# np.exp on float32, numpy %s; see softmax_golden.py\n' % np.__version__)
            f.write('x,exp\n')
            for a, b in zip(bits(x), bits(np.exp(x))):
                f.write('%s,%s\n' % (a, b))
        x = log_inputs(rng)
        with open('log_golden.csv', 'w') as f:
            f.write('# np.log on float32, numpy %s; see softmax_golden.py\n' % np.__version__)
            f.write('x,log\n')
            for a, b in zip(bits(x), bits(np.log(x))):
                f.write('%s,%s\n' % (a, b))
        with open('softmax_golden.csv', 'w') as f:
            f.write('# softmax / log_softmax of (1, cols) float32 rows, numpy %s; see softmax_golden.py\n'
                    % np.__version__)
            f.write('row,cols,input,softmax,log_softmax\n')
            for i, r in enumerate(softmax_rows(rng)):
                f.write('%d,%d,%s,%s,%s\n' % (i, r.shape[1], ' '.join(bits(r)), ' '.join(bits(softmax(r))),
                                              ' '.join(bits(log_softmax(r)))))


if __name__ == '__main__':
    main()
