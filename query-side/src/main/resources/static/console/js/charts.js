// Charts drawn by Chart.js (webjar, loaded before the modules as window.Chart); each canvas has a text alternative.
import { el } from './dom.js';

const PALETTE = ['#0b5cad', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0e7490', '#a16207', '#4b5563'];

export function chartPanel(title, description) {
  const canvas = el('canvas', { role: 'img', 'aria-label': description });
  const summary = el('p', { class: 'visually-hidden' });
  const panel = el('section', { class: 'chart', 'aria-label': title },
    el('h2', {}, title), el('div', { class: 'canvas-box' }, canvas), summary);
  return { panel, canvas, summary };
}

export function draw(canvas, config) {
  const Chart = window.Chart;
  if (!Chart) {
    canvas.replaceWith(el('p', { class: 'problem' }, 'The chart library did not load.'));
    return null;
  }
  config.options = { responsive: true, maintainAspectRatio: false, animation: false, ...config.options };
  (config.data.datasets || []).forEach((dataset, index) => {
    const colour = dataset.borderColor || PALETTE[index % PALETTE.length];
    dataset.borderColor = colour;
    dataset.backgroundColor = dataset.backgroundColor || colour;
  });
  return new Chart(canvas, config);
}
