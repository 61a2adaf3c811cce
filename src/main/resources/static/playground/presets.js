// The seed notebooks' cells, each as the request that reproduces it and the text the
// notebook printed. docs/numerics.md explains the stream positions (skip): each cell's
// numbers sit that many normals after np.random.seed(0).

import { printFloats, printInts } from './numpy-print.js';

const spiral = (samples, skip) =>
  ({ path: `/spiral?samples=${samples}&classes=3&seed=0&skip=${skip}` });

const forward = (body) => ({ method: 'POST', path: '/network/forward', body });

const softmax64 = (inputs) =>
  ({ method: 'POST', path: '/activations/softmax', body: { inputs, dtype: 'float64' } });

const first5 = (rows) => rows.slice(0, 5);

const dense = (neurons, weightScale) =>
  (weightScale === undefined ? { type: 'dense', neurons } : { type: 'dense', neurons, weightScale });
const act = (name) => ({ type: 'activation', name });

function networkCell(skip, samples, layers) {
  return { seed: 0, skip, spiral: { samples, classes: 3 }, layers };
}

function softmaxCell(seed, cell, inputs, printed, code) {
  return {
    id: `${seed}-${cell.replace(/[[\]]/g, '')}`, seed, cell, dtype: 'float64',
    title: `softmax of the list ${JSON.stringify(inputs)}, numpy's float64 path`,
    code,
    async run(api) {
      const a = await api(softmax64(inputs));
      return [{ label: 'softmax output', notebook: printed, service: printFloats(a.data.outputs, 'float64') }];
    },
  };
}

export const PRESETS = [
  {
    id: '000-In4', seed: '000', cell: 'In[4]', dtype: 'float32',
    title: 'spiral_data(samples=2, classes=3) right after nnfs.init()',
    code: 'nnfs.init()\nX, Y = spiral_data(samples = 2,classes = 3)\nprint(X)\nprint(Y)',
    async run(api) {
      const s = await api(spiral(2, 0));
      return [
        { label: 'X', notebook: `[[ 0.          0.        ]
 [-0.69993085 -0.7142106 ]
 [-0.         -0.        ]
 [ 0.7647814  -0.6442898 ]
 [ 0.         -0.        ]
 [-0.94481426 -0.3276065 ]]`, service: printFloats(s.data.inputs, 'float32') },
        { label: 'Y', notebook: '[0 0 1 1 2 2]', service: printInts(s.data.labels) },
      ];
    },
  },
  {
    id: '000-In5', seed: '000', cell: 'In[5]', dtype: 'float32',
    title: 'a second spiral_data(2, 3), then np.random.seed(0), Layer_Dense(2, 3) with 0.10 * randn, X·W and ReLU',
    code: 'X, Y = spiral_data(samples = 2,classes = 3)\nnp.random.seed(0)\n'
      + 'dense1 = Layer_Dense(2,3)   # weights = 0.10 * np.random.randn(2, 3)\n'
      + 'dense1.forward(X)           # np.dot(inputs, self.weights)\nactivation_1.forward(dense1.output)',
    async run(api) {
      const x = await api(spiral(2, 6));
      const n = await api(forward({
        seed: 0, inputs: x.data.inputs, layers: [dense(3, 0.1), act('relu')], returnLayers: 'all',
      }));
      const [d, relu] = n.data.layers;
      return [
        { label: 'Random weights Initialized', notebook: `[[ 0.17640524  0.04001572  0.0978738 ]
 [ 0.22408931  0.1867558  -0.09772779]]`, service: printFloats(d.weights, 'float32') },
        { label: 'biases', notebook: '[[0. 0. 0.]]', service: printFloats([d.biases], 'float32') },
        { label: 'Original Data before Output Calculation', notebook: `[[ 0.          0.        ]
 [-0.47902483 -0.87780136]
 [-0.         -0.        ]
 [ 0.97696507  0.2133992 ]
 [ 0.          0.        ]
 [-0.63560337  0.7720158 ]]`, service: printFloats(x.data.inputs, 'float32') },
        { label: 'Output after Weight and Bias Calculation', notebook: `[[ 0.          0.          0.        ]
 [-0.2812084  -0.18310302  0.03890161]
 [ 0.          0.          0.        ]
 [ 0.22016223  0.07894751  0.07476425]
 [ 0.          0.          0.        ]
 [ 0.06087673  0.11874431 -0.13765632]]`, service: printFloats(d.outputs, 'float32') },
        { label: 'Output after ReLU Activation Function', cutShort: true, notebook: `[[0.         0.         0.        ]
 [0.         0.         0.03890161]
 [0.         0.         0.        ]
 [0`, service: printFloats(relu.outputs, 'float32') },
      ];
    },
  },
  {
    id: '000-In15', seed: '000', cell: 'In[15]', dtype: 'float32',
    title: 'spiral_data(2, 3) → Layer_Dense(2, 3) with 0.1 * randn → softmax',
    code: 'X, y = spiral_data(samples=2, classes=3)\ndense = Layer_Dense(2, 3)\ndense.forward(X)\n'
      + 'activation.forward(dense.output)\nprint(activation.output)',
    network: networkCell(6, 2, [dense(3, 0.1), act('softmax')]),
    async run(api) {
      const n = await api(forward(this.network));
      return [{ label: 'softmax output', notebook: `[[0.33333334 0.33333334 0.33333334]
 [0.33380836 0.3108572  0.3553344 ]
 [0.33333334 0.33333334 0.33333334]
 [0.34230095 0.32963628 0.32806274]
 [0.33333334 0.33333334 0.33333334]
 [0.3207316  0.3653398  0.31392863]]`, service: printFloats(n.data.outputs, 'float32') }];
    },
  },
  {
    id: '000-In16', seed: '000', cell: 'In[16]', dtype: 'float32',
    title: 'spiral_data(100, 3) → Dense(2, 3) → ReLU → Dense(3, 3) → softmax, weights 0.1 * randn; first 5 rows',
    code: 'X, y = spiral_data(samples=100, classes=3)\n...\nprint(activation2.output[:5])',
    network: networkCell(18, 100, [dense(3, 0.1), act('relu'), dense(3, 0.1), act('softmax')]),
    async run(api) {
      const n = await api(forward(this.network));
      return [{ label: 'activation2.output[:5]', notebook: `[[0.33333334 0.33333334 0.33333334]
 [0.33334747 0.3333181  0.33333445]
 [0.3333639  0.3332918  0.33334434]
 [0.33335617 0.33330873 0.33333513]
 [0.33335337 0.33331177 0.33333492]]`, service: printFloats(first5(n.data.outputs), 'float32') }];
    },
  },
  {
    id: '001-In16', seed: '001', cell: 'In[16]', dtype: 'float32',
    title: 'spiral_data(100, 3) → Dense(2, 3) with the book\'s 0.01 * randn → ReLU; first 5 rows',
    code: 'X, y = spiral_data(samples=100, classes=3)\ndense1 = Layer_Dense(2, 3)\n...\n'
      + 'print(activation1.output[:5])',
    network: networkCell(606, 100, [dense(3), act('relu')]),
    async run(api) {
      const n = await api(forward(this.network));
      return [{ label: 'activation1.output[:5]', notebook: `[[0.0000000e+00 0.0000000e+00 0.0000000e+00]
 [1.3520580e-04 1.8173116e-05 0.0000000e+00]
 [2.3245417e-04 0.0000000e+00 0.0000000e+00]
 [3.8226307e-04 0.0000000e+00 0.0000000e+00]
 [5.7436468e-04 0.0000000e+00 0.0000000e+00]]`, service: printFloats(first5(n.data.outputs), 'float32') }];
    },
  },
  {
    id: '001-In40', seed: '001', cell: 'In[40]', dtype: 'float32',
    title: 'the book\'s network: Dense(2, 3) → ReLU → Dense(3, 3) → softmax, 0.01 * randn; first 5 rows',
    code: 'X, y = spiral_data(samples=100, classes=3)\n...\nprint(activation2.output[:5])',
    network: networkCell(912, 100, [dense(3), act('relu'), dense(3), act('softmax')]),
    async run(api) {
      const n = await api(forward(this.network));
      return [{ label: 'activation2.output[:5]', notebook: `[[0.33333334 0.33333334 0.33333334]
 [0.33333322 0.33333343 0.33333334]
 [0.33333296 0.33333388 0.3333332 ]
 [0.3333323  0.33333504 0.33333266]
 [0.33333194 0.33333552 0.33333248]]`, service: printFloats(first5(n.data.outputs), 'float32') }];
    },
  },
  softmaxCell('000', 'In[10]', [[1, 2], [-1, -2]], `[[0.26894142 0.73105858]
 [0.73105858 0.26894142]]`,
  'inputs = np.array([[1,2],[-1,-2]])\nexp_values = np.exp(inputs)\n'
    + 'norm_values = exp_values/ np.sum(exp_values,axis=1,keepdims = True)'),
  softmaxCell('000', 'In[13]', [[1, 2, 3]], '[[0.09003057 0.24472847 0.66524096]]',
    'softmax.forward([[1,2,3]])'),
  softmaxCell('000', 'In[14]', [[-1, -2, -3]], '[[0.66524096 0.24472847 0.09003057]]',
    'softmax.forward([[-1,-2,-3]])'),
  softmaxCell('001', 'In[37]', [[1, 2, 3]], '[[0.09003057 0.24472847 0.66524096]]',
    'softmax.forward([[1,2,3]])'),
  softmaxCell('001', 'In[38]', [[-2, -1, 0]], '[[0.09003057 0.24472847 0.66524096]]',
    'softmax.forward([[-2,-1,0]])'),
  softmaxCell('001', 'In[39]', [[0.5, 1, 1.5]], '[[0.18632372 0.30719589 0.50648039]]',
    'softmax.forward([[0.5,1,1.5]])'),
];


function numbersOf(text) {
  return text.replace(/[[\]]/g, ' ').trim().split(/\s+/).map(Number);
}

function float32Ulps(a, b) {
  const f = new Float32Array([a, b]);
  const i = new Int32Array(f.buffer);
  const key = (bits) => (bits < 0 ? -(bits & 0x7fffffff) : bits);
  return Math.abs(key(i[0]) - key(i[1]));
}

/**
 * How the service's text compares with the notebook's: "equal", "cut short" (the notebook's
 * printout stops early and the service's text begins with it), "ulps" (same layout, float32
 * numbers apart by at most `ulps` units in the last place) or "differs".
 */
export function compare(block, dtype) {
  if (block.service === block.notebook) {
    return { verdict: 'equal' };
  }
  if (block.cutShort && block.service.startsWith(block.notebook)) {
    return { verdict: 'cut short' };
  }
  const a = numbersOf(block.notebook);
  const b = numbersOf(block.service);
  if (dtype === 'float32' && a.length === b.length && a.every(Number.isFinite) && b.every(Number.isFinite)) {
    const ulps = Math.max(...a.map((v, i) => float32Ulps(v, b[i])));
    if (ulps <= 4) {
      return { verdict: 'ulps', ulps };
    }
  }
  return { verdict: 'differs' };
}
