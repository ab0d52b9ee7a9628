// Regulatory returns (compliance, regulator; supervisors and analysts read them too): a period's return as the returns
// API computes it from the events, its CSV, filing it (compliance) and a filing's check, REPRODUCED or RESTATED.
import * as api from '../api.js';
import { el, replace, section, problem, table } from '../dom.js';
import { instant, words } from '../format.js';
import { RETURN_REGIMES } from '../settings.js';

const FILED_KEY = 'complaints.console.filings';

/** Route: #/returns[/<regime>[/<from>/<to>]]; the return shown at once, the first of the month to today by default. */
export async function returns(container, [regimeAsked, fromAsked, toAsked], signal, capabilities = {}) {
  const regimeKnown = RETURN_REGIMES.some(regime => regime.path === regimeAsked);
  const today = new Date().toISOString().slice(0, 10);
  const result = el('div', { id: 'return-result', 'aria-live': 'polite' });
  const filingOutcome = el('div', { id: 'filing-outcome', 'aria-live': 'polite' });
  const filing = el('div', { id: 'filing-result', 'aria-live': 'polite' });
  const filedHere = el('div', { id: 'filed-here' });

  const regime = el('select', { name: 'regime', id: 'return-regime' },
    RETURN_REGIMES.map(known => el('option', { value: known.path, selected: known.path === (regimeKnown ? regimeAsked : 'fca-disp1') }, known.name)));
  const from = el('input', { name: 'from', id: 'return-from', type: 'date', required: true, value: fromAsked || today.slice(0, 8) + '01' });
  const to = el('input', { name: 'to', id: 'return-to', type: 'date', required: true, value: toAsked || today });
  const query = () => '?from=' + encodeURIComponent(from.value) + '&to=' + encodeURIComponent(to.value);
  // what a filing files: the return last shown, not what the form holds since
  let shown = null;
  const fileWhat = el('span', { class: 'hint', id: 'file-what' });
  const show = () => {
    shown = { regime: regime.value, from: from.value, to: to.value };
    replace(fileWhat, 'Files the ' + shown.regime + ' return from ' + shown.from + ' to ' + shown.to
      + ', computed to the newest event, as a ReturnFiled event.');
    history.replaceState(null, '', '#/returns/' + regime.value + '/' + from.value + '/' + to.value);
    return section(result, 'the return', () => api.get('/api/returns/' + regime.value + query(), { signal }), returnDocument);
  };
  const form = el('form', { class: 'form-row', 'aria-label': 'Return', onsubmit: event => { event.preventDefault(); show(); } },
    el('label', {}, 'Return', regime),
    el('label', {}, 'From (first day)', from),
    el('label', {}, 'To (last day)', to),
    el('button', { type: 'submit', id: 'show-return' }, 'Show return'),
    el('button', { type: 'button', class: 'secondary', id: 'download-return', onclick: () =>
      api.download('/api/returns/' + regime.value + '.csv' + query(), regime.value + '-' + from.value + '-' + to.value + '.csv', 'text/csv')
        .catch(failure => replace(filingOutcome, problem(failure))) }, 'Download CSV'));

  const showFiling = id => section(filing, 'the filing and its check', async () => {
    const path = '/api/returns/filings/' + encodeURIComponent(id);
    const [filed, check] = await Promise.all([api.get(path, { signal }), api.get(path + '/check', { signal })]);
    return { filed, check };
  }, ({ filed, check }) => [checkOf(check),
    el('details', {}, el('summary', {}, 'The return as filed'), returnDocument(filed, false))]);

  // filing is offered only where the API lets this role file (compliance); the API decides on every request
  const note = el('input', { name: 'note', id: 'filing-note', size: 40, maxlength: 4000 });
  const fileForm = capabilities.fileReturns ? el('form', { class: 'form-row', 'aria-label': 'File this return', onsubmit: async event => {
    event.preventDefault();
    const button = event.submitter;
    button.disabled = true;
    replace(filingOutcome, el('p', { class: 'loading', role: 'status' }, 'Filing the return…'));
    try {
      const filed = await api.post('/api/returns/' + shown.regime + '/filings', { from: shown.from, to: shown.to, note: note.value.trim() || null });
      remember(filed);
      replace(filingOutcome, el('p', {}, 'Filed as ', el('code', { id: 'filed-id' }, filed.filingId), ' at event position '
        + filed.asOfPosition + ', SHA-256 ', el('code', {}, filed.resultSha256), '.'));
      listFiled(filedHere, showFiling);
      await showFiling(filed.filingId);
    } catch (failure) {
      replace(filingOutcome, problem(failure));
    } finally {
      button.disabled = false;
    }
  } }, el('label', {}, 'Note for the filing (no personal data)', note),
  el('button', { type: 'submit', id: 'file-return' }, 'File this return'), fileWhat) : null;

  const lookup = el('form', { class: 'form-row', 'aria-label': 'Filing', onsubmit: event => {
    event.preventDefault();
    const id = lookup.elements.filingId.value.trim();
    if (id) showFiling(id);
  } },
  el('label', {}, 'Filing id', el('input', { name: 'filingId', id: 'filing-id', size: 40, required: true, autocomplete: 'off' })),
  el('button', { type: 'submit', id: 'show-filing' }, 'Show filing and check'));

  replace(container, el('h1', {}, 'Returns'),
    el('p', { class: 'hint' }, 'Computed from the events up to a position of the event store, never from the read models: '
      + 'the same position gives the same return. The mappings are defaults for compliance to confirm.'),
    form, fileForm, filingOutcome, result,
    el('h2', {}, 'Filings'), filedHere, lookup, filing);
  listFiled(filedHere, showFiling);
  await show();
  container.dataset.ready = 'true';
}

function remember(filed) {
  const list = JSON.parse(sessionStorage.getItem(FILED_KEY) || '[]');
  list.unshift({ filingId: filed.filingId, regime: filed.regime, from: filed.from, to: filed.to, filedAt: filed.filedAt });
  sessionStorage.setItem(FILED_KEY, JSON.stringify(list.slice(0, 20)));
}

/** The filings made in this browser tab (the API lists none; any other is looked up by its id). */
function listFiled(target, showFiling) {
  const list = JSON.parse(sessionStorage.getItem(FILED_KEY) || '[]');
  replace(target, list.length ? table('Filed in this session', ['Filing', 'Return', 'Period', 'Filed', 'Check'], list.map(item =>
    [el('code', {}, item.filingId), item.regime, item.from + ' – ' + item.to, instant(item.filedAt),
      el('button', { type: 'button', class: 'secondary', onclick: () => showFiling(item.filingId) }, 'Show check')]))
    : el('p', { class: 'hint' }, 'Look up a filing by the id its filing answered.'));
}

function checkOf(check) {
  const differences = check.differences || [];
  return el('section', { 'aria-label': 'Check of the filing' },
    el('p', {}, 'Check: ', el('span', { class: 'badge ' + (check.status === 'REPRODUCED' ? 'valid' : 'restated'), id: 'check-status' }, check.status),
      ' ', check.status === 'REPRODUCED' ? 'the return computed now has the filed figures.'
        : differences.length + ' figures changed by events recorded since the filing.'),
    el('dl', { class: 'facts' },
      el('dt', {}, 'Filing'), el('dd', {}, el('code', {}, check.filingId), ' (' + check.regime + ')'),
      el('dt', {}, 'Reproducible'), el('dd', { id: 'check-reproducible' }, check.reproducible
        ? 'yes: computed again at position ' + check.asOfPosition + ', the same bytes'
        : 'NO: computed again at position ' + check.asOfPosition + ', other bytes (' + check.recomputedSha256 + ')'),
      el('dt', {}, 'Filed SHA-256'), el('dd', {}, el('code', {}, check.resultSha256)),
      el('dt', {}, 'Checked against'), el('dd', {}, 'position ' + check.checkedAtPosition + ', ', instant(check.checkedAsOf))),
    differences.length ? table('Figures restated', ['Figure', 'As filed', 'Now'], differences.map(difference =>
      [el('code', {}, difference.figure), JSON.stringify(difference.filed), JSON.stringify(difference.now)])) : null);
}

/** A return as the API gives it (computed now, or as filed): what it was computed from, then its figures. */
function returnDocument(answer, withIds = true) {
  const id = name => (withIds ? name : undefined);
  const versions = answer.versions || {};
  const figures = answer.figures || {};
  const body = answer.regime === 'fca-disp1' ? fca(figures, id) : answer.regime === 'cfpb' ? cfpb(figures, id) : pboc(figures, id);
  return el('section', { 'aria-label': 'Return ' + answer.regime },
    el('p', { class: 'hint', id: id('return-meta') }, answer.regime + ', ' + answer.from + ' to ' + answer.to + ' (' + answer.zone
      + '), computed from the events up to position ', el('strong', { id: id('return-position') }, String(answer.asOfPosition)),
      ' (recorded ', instant(answer.asOf), '); mappings ' + (versions.mappings || '—') + ', computation '
      + (versions.computation || '—') + '.'),
    body);
}

function fca(figures, id) {
  const header = figures.header || {};
  const rows = figures.rows || [];
  const redress = sums => Object.entries(sums || {}).map(([currency, sum]) => currency + ' ' + sum).join('; ') || '—';
  const nonZero = row => row.opened || row.closedWithin3BusinessDays || row.closedAfter3BusinessDaysWithin8Weeks
    || row.closedAfter8Weeks || row.upheld || Object.keys(row.redressPaid || {}).length;
  const rowsBox = el('div');
  const showRows = all => replace(rowsBox, table('FCA return: complaints by product grouping and cause', ['Product grouping', 'Cause', 'Opened',
    'Closed within 3 business days', 'Closed after 3 business days, within 8 weeks', 'Closed after 8 weeks', 'Upheld', 'Redress paid'],
  rows.filter(row => all || nonZero(row)).map(row => [words(row.grouping), words(row.cause), String(row.opened),
    String(row.closedWithin3BusinessDays), String(row.closedAfter3BusinessDaysWithin8Weeks), String(row.closedAfter8Weeks),
    String(row.upheld), redress(row.redressPaid)])));
  showRows(false);
  const allRows = el('input', { type: 'checkbox', id: id('fca-all-rows'), onchange: event => showRows(event.target.checked) });
  return [
    el('h2', {}, 'FCA DISP 1 Annex 1R'),
    el('dl', { class: 'facts', id: id('fca-header') },
      el('dt', {}, 'Outstanding at the start'), el('dd', { id: id('fca-outstanding') }, String(header.outstandingAtStart)),
      el('dt', {}, 'Opened'), el('dd', { id: id('fca-opened') }, String(header.opened)),
      el('dt', {}, 'Closed'), el('dd', { id: id('fca-closed') }, String(header.closed)),
      el('dt', {}, 'Upheld'), el('dd', { id: id('fca-upheld') }, String(header.upheld)),
      el('dt', {}, 'Nil return'), el('dd', {}, header.nilReturn ? 'yes' : 'no'),
      el('dt', {}, 'Publication threshold met'), el('dd', {}, header.publicationThresholdMet ? 'yes' : 'no'),
      el('dt', {}, 'Firm reference numbers'), el('dd', {}, (header.firmReferenceNumbers || []).join(', ') || '—')),
    el('h3', {}, 'Complaints by product grouping and cause'),
    el('label', { class: 'inline' }, allRows, 'Show every row of the form, zeros included (' + rows.length + ' rows)'),
    rowsBox,
    el('h3', {}, 'DISP 1.10A publication summary'),
    table('DISP 1.10A publication summary', ['Product grouping', 'Opened', 'Closed', 'Closed within 3 business days',
      'Closed after 3 business days, within 8 weeks', 'Upheld', 'Opened per 1,000', 'Main cause'],
    (figures.publication || []).map(line => [words(line.grouping), String(line.opened), String(line.closed),
      percentage(line.percentClosedWithin3BusinessDays), percentage(line.percentClosedAfter3BusinessDaysWithin8Weeks),
      percentage(line.percentUpheld), line.openedPer1000 ?? '— (no denominator)', words(line.mainCause)])),
  ];
}

/** The API's percentages are already per cent (40.0), not rates. */
function percentage(value) {
  return value === null || value === undefined ? '—' : Number(value).toFixed(1) + '%';
}

function cfpb(figures, id) {
  const rows = figures.rows || [];
  return [
    el('h2', {}, 'CFPB complaint database'),
    el('p', {}, el('strong', { id: id('cfpb-complaints') }, String(figures.complaints)), ' complaints received in the period.'),
    table('CFPB rows', ['Complaint ID', 'Date received', 'Product', 'Sub-product', 'Issue', 'Sub-issue', 'Submitted via',
      'Sent to company', 'Company response to consumer', 'Timely response?', 'Consumer disputed?'],
    rows.map(row => [el('a', { href: '#/case/' + encodeURIComponent(row.complaintId) }, row.complaintId), row.dateReceived, row.product,
      row.subProduct || '—', row.issue, row.subIssue || '—', row.submittedVia, row.dateSentToCompany || '—',
      row.companyResponseToConsumer, row.timelyResponse, row.consumerDisputed || '—'])),
  ];
}

function pboc(figures, id) {
  return [
    el('h2', {}, 'PBoC / NFRA complaint statistics'),
    el('p', {}, el('strong', { id: id('pboc-complaints') }, String(figures.complaints)), ' complaints received in the period, after merging duplicates.'),
    el('h3', {}, 'By region'),
    table('PBoC complaints by region', ['Region', 'Complaints', 'Merged duplicates'],
      (figures.regions || []).map(region => [region.region, String(region.complaints), String(region.mergedDuplicates)])),
    el('h3', {}, 'By region and code'),
    table('PBoC complaints by region, channel (A), business (B) and cause (C) code', ['Region', 'A (channel)', 'B (business)',
      'C (cause)', 'Complaints', 'Merged duplicates'],
    (figures.rows || []).map(row => [row.region, row.channelCode, row.businessCode, row.causeCode, String(row.complaints),
      String(row.mergedDuplicates)])),
  ];
}
