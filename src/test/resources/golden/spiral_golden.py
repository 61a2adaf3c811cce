#!/usr/bin/env python3
"""Writes the golden files that the dataset tests compare against, bit for bit.

Run from this directory with numpy installed (any 1.x or 2.x; RandomState's stream is
frozen):  python3 spiral_golden.py

It does not need the nnfs package: spiral_data() below is nnfs's code, and the two numpy
wrappers reproduce what nnfs.init() changes (randn returns float32, zeros defaults to
float32). Floats are written as shortest round-trip reprs: float32 via numpy's str() of an
np.float32, float64 via Python's repr().

Files:
  randn_seeds.csv            seed,index,float64,float32 for np.random.seed(s); randn(n)
  spiral_<S>x<C>_seed<s>_skip<k>.csv
                             row,x,y,label for np.random.seed(s); randn(k) thrown away;
                             spiral_data(S, C)
"""
import numpy as np

RANDN_SEEDS = [0, 1, 42, 4294967295]
RANDN_COUNT = 301  # odd, so the last value of each seed comes from a fresh pair

SPIRALS = [
    # (samples, classes, seed, skip)
    (100, 3, 0, 0),
    (100, 3, 0, 18),   # stream positions of the book's 100x3 forward passes
    (100, 3, 0, 606),
    (100, 3, 0, 912),
    (1000, 5, 7, 3),
    (1, 4, 42, 0),
    (7, 2, 4294967295, 1),
]


def randn_f32(*shape):
    """np.random.randn as patched by nnfs.init(): the float64 draws cast to float32."""
    return np.random.randn(*shape).astype('float32')


def zeros_f32(shape, dtype='float32'):
    """np.zeros as patched by nnfs.init(): float32 unless a dtype is given."""
    return np.zeros(shape, dtype=dtype)


def spiral_data(samples, classes):
    """nnfs.datasets.spiral_data (after nnfs.init())."""
    X = zeros_f32((samples * classes, 2))
    y = zeros_f32(samples * classes, dtype='uint8')
    for class_number in range(classes):
        ix = range(samples * class_number, samples * (class_number + 1))
        r = np.linspace(0.0, 1, samples)
        t = np.linspace(class_number * 4, (class_number + 1) * 4, samples) + randn_f32(samples) * 0.2
        X[ix] = np.c_[r * np.sin(t * 2.5), r * np.cos(t * 2.5)]
        y[ix] = class_number
    return X, y


def f32(v):
    return str(np.float32(v))


def write_randn():
    with open('randn_seeds.csv', 'w') as out:
        out.write('# np.random.seed(seed); np.random.randn(%d) (legacy RandomState), numpy %s\n'
                  % (RANDN_COUNT, np.__version__))
        out.write('# float64 is the draw, float32 its cast (what randn returns under nnfs.init())\n')
        out.write('seed,index,float64,float32\n')
        for seed in RANDN_SEEDS:
            np.random.seed(seed)
            draws = np.random.randn(RANDN_COUNT)
            for i, v in enumerate(draws):
                out.write('%d,%d,%r,%s\n' % (seed, i, float(v), f32(v)))


def write_spiral(samples, classes, seed, skip):
    np.random.seed(seed)
    if skip:
        np.random.randn(skip)
    X, y = spiral_data(samples, classes)
    assert X.dtype == np.float32 and y.dtype == np.uint8
    name = 'spiral_%dx%d_seed%d_skip%d.csv' % (samples, classes, seed, skip)
    with open(name, 'w') as out:
        out.write('# np.random.seed(%d); np.random.randn(%d); spiral_data(%d, %d) as nnfs, numpy %s\n'
                  % (seed, skip, samples, classes, np.__version__))
        out.write('row,x,y,label\n')
        for row in range(len(y)):
            out.write('%d,%s,%s,%d\n' % (row, f32(X[row, 0]), f32(X[row, 1]), y[row]))


if __name__ == '__main__':
    write_randn()
    for spec in SPIRALS:
        write_spiral(*spec)
