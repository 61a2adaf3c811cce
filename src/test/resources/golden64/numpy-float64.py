"""The float64 golden values: plain numpy (no nnfs.init()), numpy 2.4, glibc 2.36, x86-64 without AVX-512.

Run: python3 numpy-float64.py numpy-float64.json
"""
import sys
import numpy as np, hashlib, json
np.set_printoptions(precision=17)
def spiral_data(samples, classes):
    X = np.zeros((samples*classes, 2))
    y = np.zeros(samples*classes, dtype='uint8')
    for class_number in range(classes):
        ix = range(samples*class_number, samples*(class_number+1))
        r = np.linspace(0.0, 1, samples)
        t = np.linspace(class_number*4, (class_number+1)*4, samples) + np.random.randn(samples)*0.2
        X[ix] = np.c_[r*np.sin(t*2.5), r*np.cos(t*2.5)]
        y[ix] = class_number
    return X, y
class Layer_Dense:
    def __init__(self, n_inputs, n_neurons, scale):
        self.weights = scale * np.random.randn(n_inputs, n_neurons)
        self.biases = np.zeros((1, n_neurons))
    def forward(self, inputs):
        self.output = np.dot(inputs, self.weights) + self.biases
def relu(x): return np.maximum(0, x)
def softmax(x):
    e = np.exp(x - np.max(x, axis=1, keepdims=True)); return e / np.sum(e, axis=1, keepdims=True)
def loss(p, y):
    c = np.clip(p, 1e-7, 1-1e-7)[range(len(p)), y]; return np.mean(-np.log(c))
out = {}
# spiral 100x3 seed 0 float64, all values
np.random.seed(0); X,y = spiral_data(100,3)
out['spiral_100_3_seed0'] = [repr(float(v)) for v in X.ravel()]
np.random.seed(3); X,y = spiral_data(1000,5)
out['spiral_1000_5_seed3_sha256'] = hashlib.sha256(X.astype('<f8').tobytes()).hexdigest()
np.random.seed(0); r = np.random.randn(100000)
out['randn_seed0_100000_sha256'] = hashlib.sha256(r.astype('<f8').tobytes()).hexdigest()
out['randn_seed0_first8'] = [repr(float(v)) for v in r[:8]]
# networks
for name, seed, skip, scale in [('book', 0, 0, 0.01), ('seed000_in16', 0, 18, 0.1)]:
    np.random.seed(seed); np.random.randn(skip) if skip else None
    X,y = spiral_data(100,3)
    d1 = Layer_Dense(2,3,scale); d1.forward(X); a1 = relu(d1.output)
    d2 = Layer_Dense(3,3,scale); d2.forward(a1); a2 = softmax(d2.output)
    out[name] = {'outputs':[repr(float(v)) for v in a2.ravel()], 'loss': repr(float(loss(a2,y))),
                 'accuracy': repr(float(np.mean(np.argmax(a2,axis=1)==y))),
                 'w1':[repr(float(v)) for v in d1.weights.ravel()], 'w2':[repr(float(v)) for v in d2.weights.ravel()]}
json.dump(out, open(sys.argv[1] if len(sys.argv) > 1 else 'numpy-float64.json','w'), indent=0)
print(out['book']['loss'], out['book']['accuracy'], out['seed000_in16']['outputs'][:6])
