// Overview: open and overdue counts kept live from the case stream, trend charts from the metrics endpoints, and the
// statistics sections where the service has them.
import * as api from '../api.js';
import { el, replace, section, problem, table } from '../dom.js';
import { chartPanel, draw } from '../charts.js';
import { duration, durationMillis, percent, words, instant } from '../format.js';
import { SATISFACTION_TARGET, SATISFACTION_BASELINE, TREND_MONTHS, OVERDUE_REFRESH_MILLIS, CATEGORIES, ROOT_ISSUES } from '../settings.js';

export async function overview(container, _path, signal) {
  const openFigure = el('span', { class: 'figure', id: 'open-count' }, '…');
  const overdueFigure = el('span', { class: 'figure', id: 'overdue-count' }, '…');
  const liveState = el('span', { class: 'hint', id: 'live-state' }, 'connecting to live updates…');
  const countsProblem = el('div');
  const charts = el('div', { class: 'charts', id: 'trends' });
  const statistics = el('div', { id: 'statistics', class: 'charts' });
  replace(container,
    el('h1', {}, 'Overview'),
    el('div', { class: 'cards', 'aria-live': 'polite' },
      el('a', { class: 'card', href: '#/queues/open' }, openFigure, el('div', { class: 'label' }, 'open cases')),
      el('a', { class: 'card', href: '#/queues/overdue' }, overdueFigure, el('div', { class: 'label' }, 'overdue cases'))),
    liveState, countsProblem, charts, statistics);

  const refreshOverdue = async () => {
    try {
      const page = await api.get('/api/cases/overdue?size=1', { signal });
      overdueFigure.textContent = page.totalElements.toLocaleString();
    } catch (failure) {
      if (failure.name !== 'AbortError') replace(countsProblem, problem(failure));
    }
  };
  const firstCounts = Promise.all([
    api.get('/api/cases/open?size=1', { signal }).then(page => {
      if (openFigure.textContent === '…') openFigure.textContent = page.totalElements.toLocaleString();
    }).catch(failure => { if (failure.name !== 'AbortError') replace(countsProblem, problem(failure)); }),
    refreshOverdue(),
  ]);
  // marks read by the browser tests with the Navigation Timing API: the first render (the counts shown), then every
  // chart drawn; the charts' requests wait for the counts, so that they do not hold the browser's few connections
  await firstCounts;
  const drawn = trendCharts(charts, signal);
  performance.mark('overview-rendered');
  container.dataset.ready = 'true';
  await drawn;
  performance.mark('overview-complete');
  charts.dataset.ready = 'true';
  // then the live stream (it holds one of the browser's few connections to this origin) and the optional sections
  live(openFigure, liveState, refreshOverdue, signal);
  await statisticsSections(statistics, signal);
  statistics.dataset.ready = 'true';
}

function live(openFigure, liveState, refreshOverdue, signal) {
  let pending = null;
  api.stream('/api/cases/stream', (name, data) => {
    if (name === 'open-count') {
      openFigure.textContent = Number(data.openCases).toLocaleString();
      liveState.textContent = 'live';
    } else if (name === 'case-changed') {
      clearTimeout(pending);
      pending = setTimeout(refreshOverdue, OVERDUE_REFRESH_MILLIS);
    }
  }, signal).then(() => { liveState.textContent = 'live updates ended; reload to resume'; })
    .catch(failure => {
      if (failure.name !== 'AbortError') liveState.textContent = 'no live updates: ' + failure.title + ' (' + failure.code + ')';
    });
  signal.addEventListener('abort', () => clearTimeout(pending));
}

/** The first instant of each of the last months (UTC), oldest first, and the start of the next month. */
function months() {
  const now = new Date();
  const starts = [];
  for (let back = TREND_MONTHS - 1; back >= -1; back--) {
    starts.push(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1)));
  }
  return starts;
}

function trendCharts(charts, signal) {
  const starts = months();
  const labels = starts.slice(0, -1).map(start => start.toISOString().slice(0, 7));
  const period = index => 'from=' + starts[index].toISOString() + '&to=' + starts[index + 1].toISOString();
  const byMonth = dimension => Promise.all(labels.map((_, index) =>
    api.get('/api/metrics/volume?groupBy=' + dimension + '&' + period(index), { signal })));

  const stacked = (title, dimension, keys) => {
    const { panel, canvas, summary } = chartPanel(title, title + ', cases registered per month');
    charts.append(panel);
    return byMonth(dimension).then(reports => {
      const datasets = keys.map(key => ({
        label: words(key),
        data: reports.map(report => (report.groups.find(group => group.key === key) || { count: 0 }).count),
      }));
      summary.textContent = datasets.map(set => set.label + ': ' + set.data.join(', ')).join('; ');
      draw(canvas, { type: 'bar', data: { labels, datasets },
        options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'cases' } } } } });
    }).catch(failure => { if (failure.name !== 'AbortError') panel.append(problem(failure)); });
  };
  const pending = [stacked('Volume by category', 'category', CATEGORIES), stacked('Volume by root issue', 'rootIssue', ROOT_ISSUES)];

  const satisfaction = chartPanel('Satisfaction against target', 'Satisfaction rate per month against the '
    + percent(SATISFACTION_TARGET) + ' target');
  charts.append(satisfaction.panel);
  pending.push(api.get('/api/metrics/satisfaction?groupBy=month&from=' + starts[0].toISOString() + '&to=' + starts.at(-1).toISOString(), { signal })
    .then(report => {
      const rates = labels.map(label => {
        const group = report.groups.find(candidate => candidate.key === label);
        return group ? Number(group.rate) * 100 : null;
      });
      satisfaction.summary.textContent = 'Overall ' + percent(report.overall.rate) + ' of ' + report.overall.responses + ' answers; target '
        + percent(SATISFACTION_TARGET);
      satisfaction.panel.append(el('p', { id: 'satisfaction-overall' }, 'Overall ' + percent(report.overall.rate) + ' satisfied of '
        + report.overall.responses.toLocaleString() + ' answers (target ' + percent(SATISFACTION_TARGET) + ', baseline '
        + percent(SATISFACTION_BASELINE) + ')'));
      draw(satisfaction.canvas, { type: 'line', data: { labels, datasets: [
        { label: 'satisfied %', data: rates, spanGaps: true },
        { label: 'target', data: labels.map(() => SATISFACTION_TARGET * 100), borderDash: [6, 4], pointRadius: 0 },
        { label: 'baseline', data: labels.map(() => SATISFACTION_BASELINE * 100), borderDash: [2, 4], pointRadius: 0 },
      ] }, options: { scales: { y: { min: 0, max: 100, title: { display: true, text: '%' } } } } });
    }).catch(failure => { if (failure.name !== 'AbortError') satisfaction.panel.append(problem(failure)); }));

  const handling = chartPanel('Handling time percentiles', 'Days from registration to resolution: median, 90th and 95th percentile per category');
  charts.append(handling.panel);
  pending.push(api.get('/api/metrics/handling-time?groupBy=category', { signal }).then(report => {
    const days = value => { const millis = durationMillis(value); return millis === null ? null : +(millis / 86400000).toFixed(2); };
    const rows = [{ key: 'ALL', statistics: report.overall }, ...report.groups];
    handling.summary.textContent = rows.map(row => words(row.key) + ': median ' + duration(durationMillis(row.statistics.p50))
      + ', p90 ' + duration(durationMillis(row.statistics.p90))).join('; ');
    draw(handling.canvas, { type: 'bar', data: { labels: rows.map(row => words(row.key)), datasets: [
      { label: 'p50', data: rows.map(row => days(row.statistics.p50)) },
      { label: 'p90', data: rows.map(row => days(row.statistics.p90)) },
      { label: 'p95', data: rows.map(row => days(row.statistics.p95)) },
    ] }, options: { scales: { y: { beginAtZero: true, title: { display: true, text: 'days' } } } } });
  }).catch(failure => { if (failure.name !== 'AbortError') handling.panel.append(problem(failure)); }));
  return Promise.all(pending);
}

/**
 * The statistics sections, in a fixed order, each shown only where the API answers its endpoint (a refusal or an
 * endpoint this service lacks removes it; any other failure shows the problem's title and code).
 */
function statisticsSections(target, signal) {
  const sections = [
    { id: 'daily', title: 'Counting classes today', path: '/api/statistics/daily', render: daily },
    { id: 'on-time', title: 'On-time rates', path: '/api/metrics/on-time', render: onTime },
    { id: 'overdue-age', title: 'Overdue cases by age', path: '/api/metrics/overdue-age', render: overdueAge },
    { id: 'rates', title: 'Repeat complaints and escalations', path: '/api/metrics/rates', render: rates },
    { id: 'hot-spots', title: 'Hot spots', path: '/api/metrics/hot-spots', render: hotSpots },
  ];
  return Promise.all(sections.map(({ id, title, path, render }) => {
    const box = el('div');
    const panel = el('section', { class: 'chart statistics', id: 'statistics-' + id, 'aria-labelledby': id + '-title' },
      el('h2', { id: id + '-title' }, title), box);
    target.append(panel);
    return section(box, title.toLowerCase(), () => api.get(path, { signal }).catch(failure => {
      if ([401, 403, 404].includes(failure.status)) panel.remove();
      throw failure;
    }), render);
  }));
}

const RESPONSIBILITIES = ['LIABLE', 'NOT_LIABLE', 'SHARED', 'UNDETERMINED'];

/** The cases registered on the day by their counting class at the day's end, per category, and the total. */
function daily(report) {
  const cells = (row, total) => {
    const figure = (name, value) => total ? el('span', { id: 'daily-total-' + name }, String(value)) : String(value);
    return [total ? el('strong', {}, 'Total') : words(row.key), figure('complaint', row.complaint), figure('inquiry', row.inquiry),
      figure('notCounted', row.notCounted), ...RESPONSIBILITIES.map(key => figure(key, (row.byResponsibility || {})[key] ?? 0))];
  };
  const reclassified = report.reclassified || [];
  return [
    el('p', { class: 'hint', id: 'daily-date' }, 'Cases registered on ' + report.date + ' (' + report.zone
      + '), by their class at the day\'s end; responsibility of the counted ones. As of ', instant(report.asOf), '.'),
    table('Counting classes by ' + words(report.groupBy), [words(report.groupBy), 'Complaint', 'Inquiry', 'Not counted',
      'Liable', 'Not liable', 'Shared', 'Undetermined'], [...(report.rows || []).map(row => cells(row, false)), cells(report.totals, true)]),
    reclassified.length
      ? el('p', { id: 'daily-reclassified' }, 'Registered earlier, reclassified today: ', reclassified.map(change =>
        change.count + ' ' + words(change.key) + ' from ' + words(change.from) + ' to ' + words(change.to)).join('; '))
      : el('p', { class: 'hint', id: 'daily-reclassified' }, 'No case registered earlier changed class today.'),
  ];
}

function onTime(report) {
  return [
    el('p', { class: 'hint' }, 'Clocks that ended from ' + report.from + ' to ' + report.to + ' (' + report.zone + '), met or breached.'),
    table('On-time rate per clock', ['Clock', 'Ended', 'Met in time', 'Breached', 'On time'],
      (report.clocks || []).map(clock => [words(clock.clock), String(clock.ended), String(clock.metInTime), String(clock.breached),
        el('span', { 'data-clock': clock.clock }, percent(clock.onTimeRate))])),
  ];
}

function overdueAge(report) {
  return [
    el('p', {}, el('strong', { id: 'overdue-age-total' }, String(report.overdue)), ' open cases overdue now, by how long since the earliest missed due time.'),
    table('Overdue cases by age', ['Overdue for', 'Cases'], Object.entries(report.bands || {}).map(([band, count]) => [words(band), String(count)])),
  ];
}

function rates(report) {
  const overall = report.overall;
  const counts = entries => Object.entries(entries || {}).map(([key, count]) => words(key) + ' ' + count).join(', ') || 'none';
  return [
    el('p', { class: 'hint' }, 'Of the ' + overall.registered + ' cases registered from ' + report.from + ' to ' + report.to + ' (' + report.zone + ').'),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Repeat complaints'), el('dd', { id: 'repeat-rate' }, overall.repeat + ' (' + percent(overall.repeatRate) + ')'),
      el('dt', {}, 'Escalated at least once'), el('dd', { id: 'escalation-rate' }, overall.escalated + ' (' + percent(overall.escalationRate) + ')'),
      el('dt', {}, 'Escalations by reason'), el('dd', {}, counts(overall.escalationsByReason)),
      el('dt', {}, 'Escalations by level reached'), el('dd', {}, counts(overall.escalationsByLevel))),
  ];
}

function hotSpots(report) {
  return [
    el('p', { class: 'hint' }, 'The ' + words(report.period) + ' from ' + report.periodStart + ' to ' + report.periodEnd
      + ', by ' + words(report.groupBy) + '. ' + report.rule.description),
    table('Hot spots', [words(report.groupBy), 'Cases', 'Trailing mean', 'Standard deviation', 'Deviations', 'Threshold'],
      (report.hotSpots || []).map(spot => [words(spot.key), String(spot.count), String(spot.trailingMean), String(spot.standardDeviation),
        String(spot.deviations), String(spot.threshold)])),
  ];
}
