// Projections (compliance, supervisors): each processor's state and lag; a rebuild started here shows its progress.
import * as api from '../api.js';
import { el, replace, section, problem, table } from '../dom.js';
import { instant } from '../format.js';
import { REBUILD_POLL_MILLIS } from '../settings.js';

export async function projections(container, _path, signal) {
  const list = el('div', { id: 'projection-list' });
  const rebuild = el('div', { id: 'rebuild', 'aria-live': 'polite' });
  replace(container, el('h1', {}, 'Projections'),
    el('p', { class: 'hint' }, 'A rebuild wipes a projection and replays the whole event store into it; the case data itself is never touched.'),
    list, rebuild);
  const load = () => section(list, 'the projections', () => api.get('/api/admin/projections', { signal }), all => table('Projections',
    ['Projection', 'State', 'Processed', 'Lag (events)', 'Rate (events/s)', 'Started', 'Completed', 'Segments', 'Rebuild'],
    all.map(projection => [projection.projection, projection.state, projection.processed.toLocaleString() + ' / ' + projection.total.toLocaleString(),
      Math.max(projection.total - projection.processed, 0).toLocaleString(), projection.eventsPerSecond ?? '—',
      instant(projection.startedAt), instant(projection.completedAt), String(projection.segments),
      confirmButton(projection.projection, name => start(name))])));

  const confirmButton = (name, confirmed) => {
    const cell = el('span');
    const ask = el('button', { type: 'button', class: 'secondary', 'data-rebuild': name, onclick: () => {
      replace(cell, el('button', { type: 'button', 'data-confirm-rebuild': name, onclick: () => confirmed(name) }, 'Confirm rebuild of ' + name),
        ' ', el('button', { type: 'button', class: 'secondary', onclick: () => replace(cell, ask) }, 'Cancel'));
      cell.querySelector('button').focus();
    } }, 'Rebuild ' + name + '…');
    cell.append(ask);
    return cell;
  };

  const start = async name => {
    const bar = el('progress', { id: 'rebuild-progress', max: 100, value: 0, 'aria-label': 'Rebuild of ' + name });
    const figure = el('span', { id: 'rebuild-percent' }, '0%');
    const status = el('p', { id: 'rebuild-status' }, 'Starting the rebuild of ' + name + '…');
    replace(rebuild, el('h2', {}, 'Rebuild of ' + name), el('p', {}, bar, ' ', figure), status);
    try {
      let progress = await api.post('/api/admin/projections/' + encodeURIComponent(name) + '/replay');
      while (!signal.aborted) {
        const done = progress.state !== 'REPLAYING';
        const percent = done ? 100 : Math.min(Number(progress.percent ?? 0), 100);
        bar.value = percent;
        figure.textContent = percent.toFixed(percent === 100 ? 0 : 1) + '%';
        replace(status, progress.processed.toLocaleString() + ' of ' + progress.total.toLocaleString() + ' events; '
          + (done ? 'completed' : 'replaying at ' + (progress.eventsPerSecond ?? '—') + ' events/s'));
        if (done) break;
        await new Promise(resolve => setTimeout(resolve, REBUILD_POLL_MILLIS));
        progress = await api.get('/api/admin/projections/' + encodeURIComponent(name), { signal });
      }
      load();
    } catch (failure) {
      if (failure.name !== 'AbortError') rebuild.append(problem(failure));
    }
  };
  await load();
  container.dataset.ready = 'true';
}
