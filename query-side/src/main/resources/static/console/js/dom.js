// Small DOM helpers: every text goes in as text (never as HTML), so nothing the API answers can run as script.
import { Problem } from './api.js';

export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'class') element.className = value;
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

export function loading(what) {
  return el('p', { class: 'loading', role: 'status' }, 'Loading ' + what + '…');
}

/** A refusal as the problem detail's title and code. */
export function problem(failure) {
  const known = failure instanceof Problem ? failure : new Problem({ title: failure.message || 'Unexpected error', code: 'CONSOLE_ERROR' });
  return el('div', { class: 'problem', role: 'alert' },
    el('strong', {}, known.title), ' ', el('span', { class: 'code' }, '(' + known.code + ')'),
    known.detail ? el('div', { class: 'detail' }, known.detail) : null);
}

/** Fills target with what render(data) gives, showing a loading state first and the problem if refused. */
export async function section(target, what, load, render) {
  replace(target, loading(what));
  try {
    const data = await load();
    replace(target, render(data));
  } catch (failure) {
    if (failure.name === 'AbortError') return;
    replace(target, problem(failure));
  }
}

/** A table in a region that scrolls sideways on a narrow screen, reachable by keyboard (it takes the focus). */
export function table(caption, headers, rows) {
  return el('div', { class: 'table-wrap', role: 'region', 'aria-label': caption, tabindex: '0' },
    el('table', {},
      el('caption', { class: 'visually-hidden' }, caption),
      el('thead', {}, el('tr', {}, headers.map(header => el('th', { scope: 'col' }, header)))),
      el('tbody', {}, rows.length
        ? rows.map(cells => el('tr', {}, cells.map(cell => el('td', {}, cell))))
        : el('tr', {}, el('td', { colspan: headers.length }, 'None')))));
}

/** Any JSON answer as definition lists and tables, for sections whose shape this console does not fix. */
export function generic(value, caption = 'Figures') {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) {
    if (value.length && value.every(item => item && typeof item === 'object' && !Array.isArray(item))) {
      const keys = [...new Set(value.flatMap(Object.keys))];
      return table(caption, keys, value.map(item => keys.map(key => scalar(item[key], key))));
    }
    return value.map(item => scalar(item)).join(', ') || 'None';
  }
  if (typeof value === 'object') {
    return el('dl', { class: 'facts' }, Object.entries(value).flatMap(([key, item]) =>
      [el('dt', {}, key), el('dd', {}, item && typeof item === 'object' ? generic(item, key) : scalar(item, key))]));
  }
  return String(value);
}

function scalar(value, key) {
  if (value && typeof value === 'object') return generic(value, key);
  return value === null || value === undefined ? '—' : String(value);
}
