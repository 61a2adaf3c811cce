// The playground: tabs, the state in the link, and one function per part of the page.
// Every call goes through recorder(), which keeps the curl command that makes it.

import { call, curl } from './api.js';
import { printFloats, printInts } from './numpy-print.js';
import { PRESETS, compare } from './presets.js';
import { heatMap } from './heatmap.js';

const $ = (id) => document.getElementById(id);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) {
    if (k === 'text') {
      node.textContent = v;
    } else if (v !== undefined && v !== null && v !== false) {
      node.setAttribute(k, v === true ? '' : v);
    }
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

// --- state in the link: #tab=network&nseed=0&layers=[...] ------------------------------

const state = new URLSearchParams(location.hash.slice(1));
const defaults = new Map();

function saveState() {
  history.replaceState(null, '', '#' + state.toString());
}

function setState(key, value) {
  if (value === undefined || value === null || value === '' || value === defaults.get(key)) {
    state.delete(key);
  } else {
    state.set(key, value);
  }
  saveState();
}

/** Inputs with data-key take their value from the link, and write it back when changed. */
function bind(input) {
  const key = input.dataset.key;
  if (!defaults.has(key)) {
    defaults.set(key, input.value);
  }
  if (state.has(key)) {
    input.value = state.get(key);
  }
  const update = () => setState(key, input.value.length > 2000 ? '' : input.value);
  input.addEventListener('input', update);
  input.addEventListener('change', update);
}

// A link pasted or edited by hand reloads the page in its state; the skip link moves focus
// without touching the state.
window.addEventListener('hashchange', () => location.reload());
document.querySelector('.skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  const main = $('main');
  main.tabIndex = -1;
  main.focus();
});

// --- calls and their curl commands ------------------------------------------------------

function recorder(curlBox) {
  const commands = [];
  curlBox.textContent = '';
  const show = () => {
    curlBox.textContent = commands.join('\n\n');
  };
  return {
    async api(request) {
      commands.push(curl(request));
      show();
      return call(request);
    },
    note(request) {
      commands.push(curl(request));
      show();
    },
  };
}

async function guarded(errorBox, work) {
  errorBox.textContent = '';
  try {
    await work();
  } catch (e) {
    errorBox.textContent = e.message;
  }
}

function parseRows(text) {
  const rows = text.split(/[;\n]/).map((r) => r.trim()).filter((r) => r.length > 0);
  return rows.map((row, i) => row.split(/[\s,]+/).filter((v) => v.length > 0).map((v) => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) {
      throw new Error(`row ${i + 1}: '${v}' is not a number`);
    }
    return n;
  }));
}

const intValue = (id) => Number.parseInt($(id).value, 10);

// --- tabs ---------------------------------------------------------------------------------

const TABS = ['cells', 'activations', 'spiral', 'network', 'models'];
const started = new Set();
const starters = {};

function selectTab(name, focus) {
  for (const tab of TABS) {
    const selected = tab === name;
    const button = $('tab-' + tab);
    button.setAttribute('aria-selected', String(selected));
    button.tabIndex = selected ? 0 : -1;
    $('panel-' + tab).hidden = !selected;
    if (selected && focus) {
      button.focus();
    }
  }
  setState('tab', name === 'cells' ? '' : name);
  if (!started.has(name) && starters[name]) {
    started.add(name);
    starters[name]();
  }
}

function setUpTabs() {
  for (const tab of TABS) {
    const button = $('tab-' + tab);
    button.addEventListener('click', () => selectTab(tab, false));
    button.addEventListener('keydown', (event) => {
      const i = TABS.indexOf(tab);
      const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: TABS.length - 1 }[event.key];
      if (to !== undefined) {
        event.preventDefault();
        selectTab(TABS[(to + TABS.length) % TABS.length], true);
      }
    });
  }
}

// --- notebook cells -----------------------------------------------------------------------

const VERDICTS = {
  'equal': () => 'matches the notebook',
  'cut short': () => 'matches as far as the notebook printed (its output is cut off)',
  'ulps': (c) => `differs in the last digit: within ${c.ulps} float32 ulp of the notebook `
    + '(the notebook ran on another CPU: numpy\'s float32 exp differs between CPUs in the last bit)',
  'differs': () => 'does not match the notebook',
};

async function runPreset(preset, container) {
  const id = 'cell-' + preset.id;
  const old = $(id);
  const article = el('article', { class: 'cell', id, 'data-cell': preset.id, 'data-state': 'running' },
    el('h3', { text: `${preset.seed} ${preset.cell}: ${preset.title}` }),
    el('pre', { class: 'code', 'aria-label': 'the notebook\'s code', text: preset.code }));
  if (old) {
    old.replaceWith(article);
  } else {
    container.append(article);
  }
  const curlBox = el('pre', { class: 'curl' });
  const rec = recorder(curlBox);
  try {
    const blocks = await preset.run(rec.api);
    for (const [i, block] of blocks.entries()) {
      const result = compare(block, preset.dtype);
      article.append(el('div', { class: 'block', 'data-block': String(i) },
        el('h4', {}, `${block.label} `, el('span', { class: 'verdict ' + result.verdict.replace(' ', '-'),
          'data-verdict': result.verdict, text: VERDICTS[result.verdict](result) })),
        el('div', { class: 'columns' },
          el('div', {}, el('h5', { text: 'The notebook printed' }), el('pre', { class: 'notebook', text: block.notebook })),
          el('div', {}, el('h5', { text: `The service answers (${preset.dtype}), printed as numpy does` }),
            el('pre', { class: 'service', text: block.service })))));
    }
    article.dataset.state = 'done';
  } catch (e) {
    article.append(el('p', { class: 'error', role: 'alert', text: e.message }));
    article.dataset.state = 'failed';
  }
  article.append(el('h4', { text: 'The same with curl' }), curlBox);
  if (preset.network) {
    const open = el('button', { type: 'button', text: 'Open in the network builder' });
    open.addEventListener('click', () => {
      const n = preset.network;
      setNetwork({ nseed: n.seed, nskip: n.skip, nsamples: n.spiral.samples, nclasses: n.spiral.classes,
        ndtype: 'float32' }, n.layers);
      started.delete('network');
      selectTab('network', true);
    });
    article.append(open);
  }
}

function setUpCells() {
  const buttons = $('preset-buttons');
  const results = $('cell-results');
  for (const preset of PRESETS) {
    const button = el('button', { type: 'button', 'data-preset': preset.id,
      'aria-label': `${preset.seed} ${preset.cell}: ${preset.title}`,
      text: `${preset.seed} ${preset.cell}${preset.dtype === 'float64' ? ' (float64)' : ''}` });
    button.addEventListener('click', () => {
      results.textContent = '';
      setState('cell', preset.id);
      runPreset(preset, results);
    });
    buttons.append(button);
  }
  $('run-all-cells').addEventListener('click', async () => {
    results.textContent = '';
    setState('cell', '');
    for (const preset of PRESETS) {
      await runPreset(preset, results);
    }
  });
  starters.cells = () => {
    const preset = PRESETS.find((p) => p.id === state.get('cell'));
    if (preset) {
      runPreset(preset, results);
    }
  };
}

// --- activations --------------------------------------------------------------------------

let catalogue = [];

function renderActivationParams() {
  const entry = catalogue.find((a) => a.name === $('act-name').value);
  const box = $('act-params');
  box.textContent = '';
  if (!entry) {
    return;
  }
  for (const [name, value] of Object.entries(entry.params)) {
    const input = el('input', { type: 'number', step: 'any', id: 'act-param-' + name, value: String(value),
      'data-key': 'p.' + name, 'data-param': name });
    box.append(el('label', {}, name, input));
    bind(input);
  }
  $('act-info').textContent = `${entry.formula}; range ${entry.range}. ${entry.description}`;
}

function activationParams() {
  const params = {};
  for (const input of $('act-params').querySelectorAll('input[data-param]')) {
    params[input.dataset.param] = Number(input.value);
  }
  return Object.keys(params).length > 0 ? params : undefined;
}

function rowsResult(data, dtype) {
  return el('div', {},
    el('pre', { class: 'numpy', 'data-dtype': dtype, text: printFloats(data.outputs, dtype) }),
    el('p', {}, 'argmax ', el('code', { text: JSON.stringify(data.argmax) }), ', confidence ',
      el('code', { text: printFloats(data.confidence, dtype) })),
    el('details', {}, el('summary', { text: 'the JSON numbers (shortest round-trip form)' }),
      el('pre', { text: JSON.stringify(data.outputs) })));
}

async function runActivation() {
  const rec = recorder($('act-curl'));
  await guarded($('act-error'), async () => {
    const name = $('act-name').value;
    const params = activationParams();
    const query = new URLSearchParams({ from: $('act-from').value, to: $('act-to').value });
    for (const [k, v] of Object.entries(params || {})) {
      query.set(k, v);
    }
    const plot = { path: `/activations/${encodeURIComponent(name)}/plot?${query}`, output: name + '.svg' };
    $('act-curve').src = plot.path;
    $('act-curve').alt = `the curve of ${name} from ${$('act-from').value} to ${$('act-to').value}`;
    rec.note(plot);
    const inputs = parseRows($('act-inputs').value);
    for (const dtype of ['float32', 'float64']) {
      const out = $('act-result-' + dtype).querySelector('.out');
      out.textContent = '';
      const answer = await rec.api({ method: 'POST', path: '/activations/' + encodeURIComponent(name),
        body: { inputs, params, dtype } });
      out.append(rowsResult(answer.data, dtype));
    }
  });
}

function setUpActivations() {
  const select = $('act-name');
  for (const a of catalogue) {
    select.append(el('option', { value: a.name, text: a.name }));
  }
  select.value = 'softmax';
  for (const id of ['act-name', 'act-from', 'act-to', 'act-inputs']) {
    bind($(id));
  }
  renderActivationParams();
  select.addEventListener('change', () => {
    for (const key of [...state.keys()].filter((k) => k.startsWith('p.'))) {
      state.delete(key);
    }
    saveState();
    renderActivationParams();
    runActivation();
  });
  $('activation-form').addEventListener('submit', (e) => {
    e.preventDefault();
    runActivation();
  });
  starters.activations = runActivation;
}

// --- spiral -------------------------------------------------------------------------------

async function runSpiral() {
  const rec = recorder($('sp-curl'));
  await guarded($('sp-error'), async () => {
    const query = new URLSearchParams({ samples: $('sp-samples').value, classes: $('sp-classes').value,
      seed: $('sp-seed').value, skip: $('sp-skip').value });
    const dtype = $('sp-dtype').value;
    if (dtype !== 'float32') {
      query.set('dtype', dtype);
    }
    const answer = await rec.api({ path: '/spiral?' + query });
    const picture = { path: `/spiral?${query}&format=svg`, output: 'spiral.svg' };
    rec.note(picture);
    $('sp-picture').src = picture.path;
    const s = answer.data;
    const shown = Math.min(10, s.inputs.length);
    $('sp-summary').textContent = `${s.inputs.length} points in ${s.classes} classes (${s.dtype}); the stream `
      + `stands at ${s.rng.draws} draws: a next call continues it with skip=${s.rng.draws}.`;
    $('sp-numbers').textContent = `X[:${shown}]\n${printFloats(s.inputs.slice(0, shown), s.dtype)}\n\n`
      + `y[:${shown}]\n${printInts(s.labels.slice(0, shown))}`;
  });
}

function setUpSpiral() {
  for (const id of ['sp-samples', 'sp-classes', 'sp-seed', 'sp-skip', 'sp-dtype']) {
    bind($(id));
  }
  $('spiral-form').addEventListener('submit', (e) => {
    e.preventDefault();
    runSpiral();
  });
  starters.spiral = runSpiral;
}

// --- network builder ----------------------------------------------------------------------

const BOOK = [{ type: 'dense', neurons: 3 }, { type: 'activation', name: 'relu' },
  { type: 'dense', neurons: 3 }, { type: 'activation', name: 'softmax' }];
const WIDE = [{ type: 'dense', neurons: 16, weightScale: 1 }, { type: 'activation', name: 'relu' },
  { type: 'dense', neurons: 3, weightScale: 1 }, { type: 'activation', name: 'softmax' }];

let layers = BOOK;

function saveLayers() {
  setState('layers', JSON.stringify(layers) === JSON.stringify(BOOK) ? '' : JSON.stringify(layers));
}

function jsonInput(label, value, onValid) {
  const input = el('textarea', { rows: '2', text: value === undefined ? '' : JSON.stringify(value) });
  input.addEventListener('change', () => {
    try {
      onValid(input.value.trim() === '' ? undefined : JSON.parse(input.value));
      input.removeAttribute('aria-invalid');
    } catch (e) {
      input.setAttribute('aria-invalid', 'true');
    }
  });
  return el('label', { class: 'wide' }, label, input);
}

function numberInput(label, value, onChange, attributes = {}) {
  const input = el('input', { type: 'number', step: 'any', value: value === undefined ? '' : String(value),
    ...attributes });
  input.addEventListener('change', () => onChange(input.value === '' ? undefined : Number(input.value)));
  return el('label', {}, label, input);
}

/** The answer of the last forward pass: its weights seed a layer switched to explicit weights. */
let lastForward = null;

/**
 * Starting weights for layer i: those the last forward pass drew for it (sent back, they
 * reproduce its answer exactly), else zeros of the incoming width.
 */
function explicitWeights(i) {
  const drawn = lastForward && lastForward.layers[i];
  if (drawn && drawn.weights && drawn.neurons === (layers[i].neurons || drawn.neurons)) {
    return { weights: drawn.weights, biases: drawn.biases };
  }
  const previous = layers.slice(0, i).reverse().find((l) => l.type === 'dense');
  const width = previous ? previous.neurons || previous.weights[0].length : 2;
  return { weights: Array.from({ length: width }, () => Array(layers[i].neurons || 1).fill(0)) };
}

function renderLayers() {
  const list = $('layers');
  list.textContent = '';
  layers.forEach((layer, i) => {
    const change = (update) => {
      layers = layers.map((l, j) => (j === i ? { ...l, ...update } : l));
      saveLayers();
    };
    const row = el('div', { class: 'layer', role: 'group', 'aria-label': `layer ${i + 1}: ${layer.type}` });
    if (layer.type === 'dense') {
      row.append(el('strong', { text: 'dense' }));
      row.append(numberInput('Neurons', layer.neurons, (v) => change({ neurons: v }), { min: '1', step: '1',
        'data-field': 'neurons' }));
      const mode = el('select', {},
        el('option', { value: 'drawn', text: 'drawn: weightScale × randn' }),
        el('option', { value: 'explicit', text: 'explicit weights' }));
      mode.value = layer.weights ? 'explicit' : 'drawn';
      mode.addEventListener('change', () => {
        const { weights, biases, weightScale, ...rest } = layers[i];
        layers = layers.map((l, j) => (j !== i ? l : mode.value === 'explicit' ? { ...rest, ...explicitWeights(i) } : rest));
        saveLayers();
        renderLayers();
      });
      row.append(el('label', {}, 'Weights', mode));
      if (layer.weights) {
        row.append(jsonInput('Weights (JSON, incoming width × neurons)', layer.weights, (v) => change({ weights: v })));
        row.append(jsonInput('Biases (JSON, one per neuron; zeros when empty)', layer.biases, (v) => change({ biases: v })));
      } else {
        row.append(numberInput('Weight scale', layer.weightScale === undefined ? 0.01 : layer.weightScale,
          (v) => change({ weightScale: v === 0.01 ? undefined : v }), { 'data-field': 'weightScale' }));
      }
    } else {
      row.append(el('strong', { text: 'activation' }));
      const select = el('select', { 'data-field': 'name' }, ...catalogue.map((a) => el('option', { value: a.name, text: a.name })));
      select.value = layer.name;
      select.addEventListener('change', () => {
        layers = layers.map((l, j) => (j === i ? { type: 'activation', name: select.value } : l));
        saveLayers();
        renderLayers();
      });
      row.append(el('label', {}, 'Function', select));
      const entry = catalogue.find((a) => a.name === layer.name);
      for (const [name, value] of Object.entries(entry ? entry.params : {})) {
        const current = layer.params && layer.params[name] !== undefined ? layer.params[name] : value;
        row.append(numberInput(name, current, (v) => change({ params: { ...(layers[i].params || {}), [name]: v } })));
      }
    }
    const move = (to) => {
      const copy = [...layers];
      [copy[i], copy[to]] = [copy[to], copy[i]];
      layers = copy;
      saveLayers();
      renderLayers();
    };
    const button = (text, label, action, disabled) => {
      const b = el('button', { type: 'button', 'aria-label': label, text, disabled });
      b.addEventListener('click', action);
      return b;
    };
    row.append(button('↑', `move layer ${i + 1} up`, () => move(i - 1), i === 0));
    row.append(button('↓', `move layer ${i + 1} down`, () => move(i + 1), i === layers.length - 1));
    row.append(button('✕', `remove layer ${i + 1}`, () => {
      layers = layers.filter((l, j) => j !== i);
      saveLayers();
      renderLayers();
    }));
    list.append(el('li', {}, row));
  });
}

function setNetwork(values, newLayers) {
  for (const [key, value] of Object.entries(values)) {
    const input = document.querySelector(`[data-key="${key}"]`);
    input.value = String(value);
    setState(key, input.value);
  }
  layers = newLayers;
  saveLayers();
  renderLayers();
}

/** The network tab's request: data, stream and layers. */
function networkBody() {
  const body = { seed: intValue('nw-seed'), skip: intValue('nw-skip'),
    spiral: { samples: intValue('nw-samples'), classes: intValue('nw-classes') }, layers };
  if ($('nw-dtype').value !== 'float32') {
    body.dtype = $('nw-dtype').value;
  }
  return body;
}

function argmaxOf(row) {
  let best = 0;
  row.forEach((v, i) => {
    if (v > row[best]) {
      best = i;
    }
  });
  return best;
}

function layerTable(outputs, dtype, rows, dead) {
  const shown = outputs.slice(0, rows).map((r) => (Array.isArray(r) ? r : [r]));
  const width = shown[0].length;
  const head = el('tr', {}, el('th', { scope: 'col', text: 'row' }),
    ...Array.from({ length: width }, (_, j) => el('th', { scope: 'col', class: dead.includes(j) ? 'dead' : null,
      text: dead.includes(j) ? `${j} (dead)` : String(j) })),
    el('th', { scope: 'col', text: 'argmax' }), el('th', { scope: 'col', text: 'confidence' }));
  const body = shown.map((row, r) => {
    const best = argmaxOf(row);
    const cells = printFloats([row], dtype).replace(/^\[\[|\]\]$/g, '').trim().split(/\s+/);
    return el('tr', {}, el('th', { scope: 'row', text: String(r) }),
      ...cells.map((text, j) => el('td', { class: [dead.includes(j) ? 'dead' : '', j === best ? 'max' : '']
        .join(' ').trim() || null, text })),
      el('td', { text: String(best) }), el('td', { text: cells[best] }));
  });
  return el('div', { class: 'table-wrap' }, el('table', { class: 'layer-output' },
    el('thead', {}, head), el('tbody', {}, ...body)));
}

async function runNetwork() {
  const rec = recorder($('nw-curl'));
  const summary = $('nw-summary');
  const layersBox = $('nw-layers');
  const weightsBox = $('nw-weights');
  $('nw-results').dataset.state = 'running';
  await guarded($('nw-error'), async () => {
    const body = networkBody();
    const answer = await rec.api({ method: 'POST', path: '/network/forward', body: { ...body, returnLayers: 'all' } });
    const r = answer.data;
    lastForward = r;
    summary.textContent = '';
    const classes = body.spiral.classes;
    if (r.loss !== undefined) {
      summary.append('loss ', el('strong', { id: 'nw-loss', text: String(r.loss) }), ' · accuracy ',
        el('strong', { id: 'nw-accuracy', text: String(r.accuracy) }));
    } else {
      summary.append(`No loss or accuracy: the last layer has ${r.shape[r.shape.length - 1]} outputs for ${classes} classes.`);
    }
    summary.append(` · output shape [${r.shape.join(', ')}] (${r.dtype}) · the stream stands at ${r.rng.draws} draws`);
    const rows = Math.max(1, intValue('nw-rows') || 5);
    layersBox.textContent = '';
    weightsBox.textContent = '';
    r.layers.forEach((layer, i) => {
      const dead = layer.deadNeurons || [];
      const title = layer.type === 'dense' ? `Layer ${i + 1}: dense, ${layer.inputs} → ${layer.neurons}`
        : `Layer ${i + 1}: ${layer.name}${layer.params ? ' ' + JSON.stringify(layer.params) : ''}`;
      const note = layer.deadNeurons === undefined ? null : el('p', { class: 'dead-neurons',
        text: dead.length === 0 ? 'No dead neurons: every neuron fires for some row.'
          : `Dead neurons (0 for every one of the ${r.shape[0]} rows): ${dead.join(', ')}` });
      layersBox.append(el('section', { class: 'layer-result', 'data-layer': String(i) },
        el('h3', { text: `${title}: first ${Math.min(rows, layer.outputs.length)} rows` }), note,
        layerTable(layer.outputs, r.dtype, rows, dead)));
      if (layer.type === 'dense') {
        weightsBox.append(el('section', { class: 'weights', 'data-layer': String(i) },
          el('h3', { text: `Layer ${i + 1} weights (${layer.inputs} × ${layer.neurons})` }),
          heatMap(layer.weights, `weights of layer ${i + 1}`),
          el('details', {}, el('summary', { text: 'weights and biases as numpy prints them' }),
            el('pre', { text: printFloats(layer.weights, r.dtype) + '\n' + printFloats([layer.biases], r.dtype) }))));
      }
    });
    const plot = { method: 'POST', path: '/network/plot?resolution=80', body, accept: 'image/svg+xml',
      output: 'regions.svg' };
    const picture = await rec.api(plot);
    const old = $('nw-regions').src;
    $('nw-regions').src = URL.createObjectURL(picture.data);
    if (old.startsWith('blob:')) {
      URL.revokeObjectURL(old);
    }
  });
  $('nw-results').dataset.state = 'done';
}

function setUpNetwork() {
  for (const id of ['nw-samples', 'nw-classes', 'nw-seed', 'nw-skip', 'nw-dtype', 'nw-rows']) {
    bind($(id));
  }
  if (state.has('layers')) {
    try {
      layers = JSON.parse(state.get('layers'));
    } catch (e) {
      layers = BOOK;
    }
  }
  renderLayers();
  const add = (layer) => {
    layers = [...layers, layer];
    saveLayers();
    renderLayers();
  };
  $('add-dense').addEventListener('click', () => add({ type: 'dense', neurons: 3 }));
  $('add-activation').addEventListener('click', () => add({ type: 'activation', name: 'relu' }));
  $('example-book').addEventListener('click', () => {
    layers = BOOK;
    saveLayers();
    renderLayers();
  });
  $('example-wide').addEventListener('click', () => {
    layers = WIDE;
    saveLayers();
    renderLayers();
  });
  $('network-form').addEventListener('submit', (e) => {
    e.preventDefault();
    runNetwork();
  });
  starters.network = runNetwork;
}

// --- models -------------------------------------------------------------------------------

async function listModels(rec) {
  const answer = await rec.api({ path: '/models' });
  const box = $('md-list-result');
  box.textContent = '';
  if (answer.data.length === 0) {
    box.append(el('p', { text: 'No models yet.' }));
    return;
  }
  box.append(el('table', { class: 'layer-output models' },
    el('thead', {}, el('tr', {}, ...['name', 'state', 'latest', 'versions'].map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, ...answer.data.map((m) => el('tr', {}, el('td', { text: m.name }), el('td', { text: m.state }),
      el('td', { text: String(m.latest === undefined ? '' : m.latest) }),
      el('td', { text: m.versions.map((v) => v.version + ' ' + v.state).join(', ') }))))));
}

/**
 * The model to save: the builder's layers, drawn from the stream position after the
 * spiral's points, which is where the forward pass draws them.
 */
function modelBody() {
  const n = networkBody();
  const body = { description: 'saved from the playground', inputs: 2, seed: n.seed,
    skip: n.skip + n.spiral.samples * n.spiral.classes, layers: n.layers };
  if (n.dtype) {
    body.dtype = n.dtype;
  }
  return body;
}

function setUpModels() {
  for (const id of ['md-name', 'md-inputs', 'md-labels']) {
    bind($(id));
  }
  const name = () => encodeURIComponent($('md-name').value);
  const token = () => $('md-token').value.trim() || undefined;
  $('model-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const rec = recorder($('md-curl'));
    guarded($('md-error'), async () => {
      const answer = await rec.api({ method: 'PUT', path: '/models/' + name(), body: modelBody(), token: token() });
      $('md-results').textContent = '';
      $('md-results').append(el('p', { class: 'saved', text: `Saved ${answer.data.name} version ${answer.data.version}: `
        + `${answer.data.inputs} inputs → ${answer.data.outputs} outputs, ${answer.data.dtype}.` }));
      await listModels(rec);
    });
  });
  $('md-list').addEventListener('click', () => {
    const rec = recorder($('md-curl'));
    guarded($('md-error'), () => listModels(rec));
  });
  $('md-spiral').addEventListener('click', () => {
    const rec = recorder($('md-curl'));
    guarded($('md-error'), async () => {
      const n = networkBody();
      const query = new URLSearchParams({ samples: n.spiral.samples, classes: n.spiral.classes, seed: n.seed, skip: n.skip });
      if (n.dtype) {
        query.set('dtype', n.dtype);
      }
      const answer = await rec.api({ path: '/spiral?' + query });
      $('md-inputs').value = answer.data.inputs.map((row) => row.join(', ')).join('\n');
      $('md-labels').value = answer.data.labels.join(', ');
      for (const id of ['md-inputs', 'md-labels']) {
        $(id).dispatchEvent(new Event('change'));
      }
    });
  });
  $('call-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const rec = recorder($('md-curl'));
    guarded($('md-error'), async () => {
      const body = { inputs: parseRows($('md-inputs').value) };
      const labels = $('md-labels').value.split(/[\s,]+/).filter((v) => v.length > 0).map(Number);
      if (labels.length > 0) {
        body.labels = labels;
      }
      const answer = await rec.api({ method: 'POST', path: `/models/${name()}/forward`, body });
      const r = answer.data;
      const out = $('md-results');
      out.textContent = '';
      out.append(el('p', { class: 'summary', id: 'md-answer' }, `${r.model.name} version ${r.model.version} answers `
        + `${r.shape.join(' × ')} outputs (${r.dtype})`, r.loss === undefined ? ''
        : el('span', {}, ' · loss ', el('strong', { id: 'md-loss', text: String(r.loss) }), ' · accuracy ',
          el('strong', { id: 'md-accuracy', text: String(r.accuracy) }))));
      out.append(layerTable(r.outputs, r.dtype, 10, []));
    });
  });
  starters.models = () => {
    const rec = recorder($('md-curl'));
    guarded($('md-error'), () => listModels(rec));
  };
}

// --- start --------------------------------------------------------------------------------

async function start() {
  setUpTabs();
  setUpCells();
  try {
    catalogue = (await call({ path: '/activations' })).data;
  } catch (e) {
    $('act-error').textContent = 'GET /activations failed: ' + e.message;
  }
  setUpActivations();
  setUpSpiral();
  setUpNetwork();
  setUpModels();
  const tab = TABS.includes(state.get('tab')) ? state.get('tab') : 'cells';
  selectTab(tab, false);
  document.body.dataset.ready = 'true';
}

start();
