// Work queues: open and overdue cases with the API's filters and paging, CSV download; overdue most overdue first.
import * as api from '../api.js';
import { el, replace, section, table } from '../dom.js';
import { instant, duration, durationMillis, words } from '../format.js';
import { CATEGORIES, LEVELS, STATUSES, PAGE_SIZES } from '../settings.js';

export async function queues(container, [initial]) {
  const state = { list: initial === 'overdue' ? 'overdue' : 'open', page: 0, size: PAGE_SIZES[0] };
  const results = el('div', { id: 'queue-results' });
  const tabs = ['open', 'overdue'].map(list => el('button', {
    type: 'button', class: 'secondary', 'data-list': list, 'aria-pressed': String(list === state.list),
    onclick: () => { state.list = list; state.page = 0; location.replace('#/queues/' + list); tabs.forEach(tab => tab.setAttribute('aria-pressed', String(tab.dataset.list === list))); load(); },
  }, list === 'open' ? 'Open cases' : 'Overdue cases'));

  const choice = (name, label, options) => el('label', {}, label, el('select', { name },
    el('option', { value: '' }, 'any'), options.map(option => el('option', { value: option }, words(option)))));
  const text = (name, label) => el('label', {}, label, el('input', { name, size: 12 }));
  const form = el('form', { class: 'form-row', 'aria-label': 'Filters', onsubmit: event => { event.preventDefault(); state.page = 0; load(); } },
    text('branchCode', 'Branch'), choice('category', 'Category', CATEGORIES), choice('level', 'Level', LEVELS),
    text('handlerId', 'Handler'), choice('status', 'Status', STATUSES),
    el('label', {}, 'Per page', el('select', { name: 'size', onchange: event => { state.size = +event.target.value; state.page = 0; load(); } },
      PAGE_SIZES.map(size => el('option', { value: size }, size)))),
    el('button', { type: 'submit' }, 'Apply filters'),
    el('button', { type: 'button', class: 'secondary', id: 'download-csv', onclick: () => api.download(
      '/api/cases/' + state.list + '.csv' + filterQuery('?'), state.list + '-cases.csv', 'text/csv') }, 'Download CSV'));

  const filterQuery = prefix => {
    const parameters = new URLSearchParams();
    for (const name of ['branchCode', 'category', 'level', 'handlerId', 'status']) {
      const value = form.elements[name].value.trim();
      if (value) parameters.set(name, value);
    }
    const query = parameters.toString();
    return query ? prefix + query : '';
  };

  const load = () => section(results, state.list + ' cases', () => api.get('/api/cases/' + state.list + '?page=' + state.page
    + '&size=' + state.size + filterQuery('&')), page => render(page));

  const render = page => {
    const overdue = state.list === 'overdue';
    const rows = page.items.map(entry => {
      const item = overdue ? entry.item : entry;
      const cells = [el('a', { href: '#/case/' + item.complaintId }, item.complaintId.slice(0, 8) + '…'), words(item.status), words(item.level),
        words(item.category), item.branchCode, item.handlerId || '—', instant(item.receivedAt)];
      if (overdue) {
        cells.push(words(entry.deadline), instant(entry.dueAt), el('span', { class: 'overdue' }, duration(durationMillis(entry.overdueBy))));
      }
      return cells;
    });
    const headers = ['Case', 'Status', 'Level', 'Category', 'Branch', 'Handler', 'Received'];
    if (overdue) headers.push('Deadline', 'Due', 'Overdue by');
    const last = Math.max(page.totalPages - 1, 0);
    return [
      el('p', { id: 'queue-total' }, page.totalElements.toLocaleString() + (overdue ? ' overdue' : ' open') + ' cases',
        overdue ? ', most overdue first' : ''),
      table(overdue ? 'Overdue cases' : 'Open cases', headers, rows),
      el('nav', { class: 'pager', 'aria-label': 'Pages of the list' },
        el('button', { type: 'button', disabled: page.page <= 0, onclick: () => { state.page--; load(); } }, 'Previous page'),
        el('span', {}, 'Page ' + (page.page + 1) + ' of ' + (last + 1)),
        el('button', { type: 'button', disabled: page.page >= last, onclick: () => { state.page++; load(); } }, 'Next page')),
    ];
  };

  replace(container, el('h1', {}, 'Work queues'), el('div', { class: 'form-row', role: 'group', 'aria-label': 'List' }, tabs), form, results);
  await load();
  container.dataset.ready = 'true';
}
