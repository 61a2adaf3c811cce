#!/usr/bin/env python3
"""Writes the request bodies of the benchmark workloads into a directory.

  bench/bodies.py OUT_DIR [ROWS]

W1 softmax.json, W2 seeds.json, W3 big.json (ROWS x 2 float32 standard normal inputs, seed 7,
through dense 64, relu, dense 64, relu, dense 3, softmax, weightScale 0.1, seed 0), the same
network as a model definition (model.json) and the W4 body: the same inputs as an Open
Inference Protocol request with Triton's binary tensor extension (big.bin, its JSON header's
length in big.bin.header-length), plus lin.json (the inputs alone, for /activations/linear).
Needs numpy.
"""
import json
import os
import sys

import numpy as np

out = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
os.makedirs(out, exist_ok=True)


def write(name, data):
    with open(os.path.join(out, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode())


write("softmax.json", '{"inputs": [[1, 2, 3]]}\n')
write("seeds.json", json.dumps({
    "seed": 0, "spiral": {"samples": 100, "classes": 3},
    "layers": [{"type": "dense", "neurons": 3}, {"type": "activation", "name": "relu"},
               {"type": "dense", "neurons": 3}, {"type": "activation", "name": "softmax"}]}) + "\n")

x = np.random.default_rng(7).standard_normal((rows, 2)).astype(np.float32)
layers = [{"type": "dense", "neurons": 64, "weightScale": 0.1}, {"type": "activation", "name": "relu"},
          {"type": "dense", "neurons": 64, "weightScale": 0.1}, {"type": "activation", "name": "relu"},
          {"type": "dense", "neurons": 3, "weightScale": 0.1}, {"type": "activation", "name": "softmax"}]
# Each float32 in its shortest round-trip text, as orjson and numpy print a float32.
inputs = "[" + ",".join("[%s,%s]" % (a, b) for a, b in x) + "]"
write("big.json", '{"seed":0,"inputs":%s,"layers":%s}\n' % (inputs, json.dumps(layers)))
write("lin.json", '{"inputs":%s}\n' % inputs)
write("model.json", json.dumps({"seed": 0, "inputs": 2, "layers": layers}) + "\n")
header = json.dumps({
    "inputs": [{"name": "input", "shape": [rows, 2], "datatype": "FP32",
                "parameters": {"binary_data_size": x.nbytes}}],
    "outputs": [{"name": "output", "parameters": {"binary_data": True}}]}).encode()
write("big.bin", header + x.astype("<f4").tobytes())
write("big.bin.header-length", str(len(header)))
