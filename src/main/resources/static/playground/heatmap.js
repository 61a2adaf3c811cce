// A weight matrix as a heat map: one cell per weight, rows the inputs, columns the
// neurons; blue below zero, red above, white at zero, full colour at the largest |w|.

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) {
    node.setAttribute(k, String(v));
  }
  return node;
}

function colour(value, max) {
  const t = max === 0 ? 0 : Math.min(1, Math.abs(value) / max);
  const [r, g, b] = value < 0 ? [33, 102, 172] : [178, 24, 43];
  const mix = (c) => Math.round(255 + (c - 255) * t);
  return `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`;
}

export function heatMap(weights, label) {
  const rows = weights.length;
  const cols = weights[0].length;
  const max = Math.max(...weights.flat().map(Math.abs));
  const cell = Math.max(8, Math.min(32, Math.floor(320 / Math.max(rows, cols))));
  const left = 28;
  const top = 18;
  const root = svg('svg', { class: 'heatmap', width: left + cols * cell + 2, height: top + rows * cell + 2,
    viewBox: `0 0 ${left + cols * cell + 2} ${top + rows * cell + 2}`, role: 'img',
    'aria-label': `${label}: ${rows} inputs × ${cols} neurons; blue negative, red positive, largest |w| ${max}` });
  const text = (x, y, content, anchor) => {
    const t = svg('text', { x, y, 'font-size': 10, 'text-anchor': anchor, fill: '#57606a' });
    t.textContent = content;
    return t;
  };
  for (let j = 0; j < cols; j++) {
    if (cols <= 16 || j % 4 === 0) {
      root.append(text(left + j * cell + cell / 2, top - 5, String(j), 'middle'));
    }
  }
  weights.forEach((row, i) => {
    root.append(text(left - 4, top + i * cell + cell / 2 + 3, String(i), 'end'));
    row.forEach((w, j) => {
      const rect = svg('rect', { x: left + j * cell, y: top + i * cell, width: cell, height: cell,
        fill: colour(w, max), stroke: '#ffffff', 'stroke-width': 1 });
      const title = svg('title');
      title.textContent = `input ${i} → neuron ${j}: ${w}`;
      rect.append(title);
      root.append(rect);
    });
  });
  return root;
}
