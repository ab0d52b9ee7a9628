// A case: its state (now or as it stood at any instant), deadlines, escalations, the timeline of its events, the
// integrity of its history and the regulator's export bundle.
import * as api from '../api.js';
import { el, replace, section, problem, table, loading } from '../dom.js';
import { instant, duration, words } from '../format.js';

export async function casePage(container, [id], _signal, capabilities = {}) {
  const form = el('form', { class: 'form-row', onsubmit: event => {
    event.preventDefault();
    const value = form.elements.caseId.value.trim();
    if (value) location.hash = '#/case/' + encodeURIComponent(value);
  } }, el('label', {}, 'Case id', el('input', { name: 'caseId', size: 40, value: id || '', autocomplete: 'off' })),
  el('button', { type: 'submit' }, 'Open case'));
  replace(container, el('h1', {}, id ? 'Case ' + id : 'Case'), form);
  if (!id) {
    container.append(el('p', { class: 'hint' }, 'Enter a case id, or open one from the work queues.'));
    container.dataset.ready = 'true';
    return;
  }
  const base = '/api/cases/' + encodeURIComponent(id);
  const view = el('div', { id: 'case-view' });
  const slider = el('div', { class: 'slider', id: 'time-travel' }, loading('the case\'s timeline'));
  const integrity = el('div', { id: 'integrity' });
  const timeline = el('div', { id: 'timeline' });
  const integritySection = el('section', { 'aria-labelledby': 'integrity-title' },
    el('h2', { id: 'integrity-title' }, 'Integrity of the history'), integrity);
  container.append(
    // the export is offered only where the API lets this role export (the API still decides on each request)
    capabilities.exportCases ? el('div', { class: 'form-row' },
      el('button', { type: 'button', id: 'export-bundle', onclick: event => exportBundle(event.target, base, id) }, 'Download export bundle'),
      el('span', { id: 'export-outcome', 'aria-live': 'polite' })) : null,
    integritySection, slider, view,
    el('section', { 'aria-labelledby': 'timeline-title' }, el('h2', { id: 'timeline-title' }, 'Timeline'), timeline));

  const verified = section(integrity, 'the verification', () => api.get(base + '/verification').catch(failure => {
    // a role that may not check integrity does not see the section at all
    if (failure.status === 403) integritySection.remove();
    throw failure;
  }), badge);
  const [current, history] = await Promise.all([
    api.get(base).catch(failure => failure),
    api.get(base + '/history').catch(failure => failure),
  ]);
  if (current instanceof Error) {
    replace(view, problem(current));
    replace(slider);
    replace(timeline, history instanceof Error ? problem(history) : '');
    container.dataset.ready = 'true';
    return;
  }
  const events = history instanceof Error ? null : history;
  replace(timeline, events ? timelineOf(events) : problem(history));
  replace(view, caseView(current, null));
  timeTravel(slider, view, timeline, base, current, events);
  await verified;
  container.dataset.ready = 'true';
}

async function exportBundle(button, base, id) {
  const outcome = document.getElementById('export-outcome');
  button.disabled = true;
  replace(outcome, 'Preparing the bundle…');
  try {
    await api.download(base + '/export', 'case-' + id + '.json', 'application/json');
    replace(outcome, 'Bundle downloaded.');
  } catch (failure) {
    replace(outcome, problem(failure));
  } finally {
    button.disabled = false;
  }
}

function badge(verification) {
  if (verification.status === 'VALID') {
    return el('p', {}, el('span', { class: 'badge valid', id: 'integrity-status' }, 'VALID'), ' ',
      verification.eventsChecked + ' events checked, head at sequence ' + verification.headSequence,
      verification.checkpoint ? ', covered by the checkpoint of ' + verification.checkpoint.periodStart : '');
  }
  const at = verification.breakAt || {};
  return el('div', {},
    el('p', {}, el('span', { class: 'badge broken', id: 'integrity-status' }, 'BROKEN'), ' at sequence ',
      el('strong', { id: 'integrity-sequence' }, String(at.sequence)), ': ', el('strong', { id: 'integrity-kind' }, words(at.kind))),
    el('p', {}, at.detail || ''),
    el('p', { class: 'hint' }, 'A case whose history does not verify accepts no further command.'));
}

/** The slider: from the case's first event to now; any position shows the case as it stood then (the asOf view). */
function timeTravel(slider, view, timeline, base, current, events) {
  const first = Math.ceil(Date.parse(events && events.length ? events[0].recordedAt : current.registeredAt));
  const now = Date.now();
  const label = el('output', { class: 'as-of', id: 'as-of-label', for: 'as-of' }, 'now');
  const range = el('input', { type: 'range', id: 'as-of', min: first, max: Math.max(now, first + 1), step: 1, value: Math.max(now, first + 1),
    'aria-describedby': 'as-of-label' });
  const stops = events ? [...new Set(events.map(event => Math.ceil(Date.parse(event.recordedAt))))] : [];
  let request = 0;
  let timer = null;
  const show = async () => {
    const at = +range.value;
    const live = at >= +range.max;
    replace(label, live ? 'now' : instant(new Date(at).toISOString()));
    range.setAttribute('aria-valuetext', live ? 'now' : new Date(at).toLocaleString());
    const mine = ++request;
    markTimeline(timeline, live ? null : at);
    replace(view, loading('the case as it stood then'));
    try {
      const seen = live ? await api.get(base) : await api.get(base + '?asOf=' + new Date(at).toISOString());
      if (mine === request) replace(view, caseView(seen, live ? null : at));
    } catch (failure) {
      if (mine === request) replace(view, problem(failure));
    }
  };
  const moveTo = at => { range.value = String(at); show(); };
  range.addEventListener('input', () => {
    replace(label, +range.value >= +range.max ? 'now' : instant(new Date(+range.value).toISOString()));
    clearTimeout(timer);
    timer = setTimeout(show, 150);
  });
  const previous = el('button', { type: 'button', class: 'secondary', id: 'previous-event', onclick: () => {
    const earlier = stops.filter(stop => stop < +range.value);
    moveTo(earlier.length ? earlier.at(-1) : +range.min);
  } }, '◀ Previous event');
  const next = el('button', { type: 'button', class: 'secondary', id: 'next-event', onclick: () => {
    const later = stops.find(stop => stop > +range.value);
    moveTo(later ?? +range.max);
  } }, 'Next event ▶');
  const nowButton = el('button', { type: 'button', class: 'secondary', id: 'as-of-now', onclick: () => moveTo(+range.max) }, 'Now');
  replace(slider,
    el('label', { for: 'as-of' }, 'Show the case as it stood at'), range,
    el('div', { class: 'form-row' }, label, previous, next, nowButton));
  slider.setAttribute('aria-label', 'Time travel');
}

function markTimeline(timeline, at) {
  timeline.querySelectorAll('li[data-recorded-at]').forEach(item => {
    item.classList.toggle('future', at !== null && Date.parse(item.dataset.recordedAt) > at);
  });
}

function caseView(view, at) {
  const reference = at ?? Date.now();
  const customer = view.customer || {};
  const facts = [
    ['Status', el('strong', { id: 'case-status' }, view.status)],
    ['Level', el('span', { id: 'case-level' }, words(view.level))],
    ['Handler', el('span', { id: 'case-handler' }, view.handlerId || '—')],
    ['Category', words(view.category) + ' / ' + words(view.subcategory)],
    ['Root issue', words(view.rootIssue)],
    ['Channel, branch', words(view.channel) + ', ' + view.branchCode],
    ['Received', instant(view.receivedAt)],
    ['Registered', instant(view.registeredAt)],
    ['Last changed', instant(view.lastChangedAt)],
    ['Policy', view.policy ? view.policy.name + ' v' + view.policy.version : '—'],
    ['Version', String(view.version)],
  ];
  if (customer.name || customer.phone || customer.email) {
    facts.push(['Customer', [customer.customerId, customer.name, customer.phone, customer.email].filter(Boolean).join(' · ')]);
  }
  if (view.description) facts.push(['Description', view.description]);
  if (view.personalDataRedacted) facts.push(['Personal data', 'not shown to your role']);
  const deadlines = (view.deadlines || []).map(deadline => [words(deadline.name), instant(deadline.dueAt), deadline.state, timeLeft(deadline, reference)]);
  const escalations = (view.escalations || []).map(escalation => [instant(escalation.escalatedAt), words(escalation.fromLevel) + ' → ' + words(escalation.toLevel),
    words(escalation.reason), escalation.escalatedBy || '—', escalation.note || '']);
  return el('div', { class: 'columns' },
    el('section', { 'aria-labelledby': 'case-facts-title' },
      el('h2', { id: 'case-facts-title' }, at === null ? 'The case now' : 'The case as it stood then'),
      el('dl', { class: 'facts' }, facts.flatMap(([term, value]) => [el('dt', {}, term), el('dd', {}, value)]))),
    el('div', {},
      el('section', { 'aria-labelledby': 'deadlines-title' }, el('h2', { id: 'deadlines-title' }, 'Deadlines'),
        table('Deadlines', ['Clock', 'Due', 'State', 'Time left'], deadlines)),
      el('section', { 'aria-labelledby': 'escalations-title' }, el('h2', { id: 'escalations-title' }, 'Escalations'),
        table('Escalations', ['When', 'Levels', 'Reason', 'By', 'Note'], escalations))));
}

function timeLeft(deadline, reference) {
  if (deadline.state === 'MET') return el('span', {}, 'met ', instant(deadline.metAt));
  if (deadline.state === 'STOPPED') return 'stopped';
  const left = Date.parse(deadline.dueAt) - reference;
  if (deadline.state === 'BREACHED' || left < 0) return el('span', { class: 'overdue' }, 'overdue by ' + duration(Math.abs(left)));
  return el('span', { class: 'due' }, duration(left) + ' left');
}

function timelineOf(events) {
  return el('ol', { class: 'timeline', 'aria-label': 'Events of the case, oldest first' }, events.map(event =>
    el('li', { 'data-sequence': event.sequence, 'data-recorded-at': event.recordedAt },
      el('div', {}, el('span', { class: 'event-type' }, event.type), ' #' + event.sequence + ' · ', instant(event.recordedAt),
        ' · by ', el('strong', {}, event.actor ? event.actor.userId : '—'), ' as ', event.actor ? words(event.actor.role) : '—'),
      el('div', { class: 'ids' }, 'correlation ' + (event.correlationId || '—') + ' · causation ' + (event.causationId || '—')),
      el('details', {}, el('summary', {}, 'Payload'), el('pre', {}, JSON.stringify(event.payload, null, 2))))));
}
