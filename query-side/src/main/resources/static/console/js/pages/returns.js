// Regulatory returns (compliance, regulator): a period's return, a filing and its check, as the returns API gives them.
import * as api from '../api.js';
import { el, replace, section, generic } from '../dom.js';
import { RETURN_REGIMES } from '../settings.js';

export async function returns(container) {
  const result = el('div', { id: 'return-result' });
  const filing = el('div', { id: 'filing-result' });
  const monthStart = new Date(); monthStart.setUTCDate(1);
  const form = el('form', { class: 'form-row', 'aria-label': 'Return', onsubmit: event => {
    event.preventDefault();
    const { regime, from, to } = form.elements;
    section(result, 'the return', () => api.get('/api/returns/' + regime.value + '?from=' + from.value + '&to=' + to.value),
      answer => generic(answer, 'Return'));
  } },
  el('label', {}, 'Return', el('select', { name: 'regime' }, RETURN_REGIMES.map(regime => el('option', { value: regime.path }, regime.name)))),
  el('label', {}, 'From', el('input', { name: 'from', type: 'date', required: true, value: monthStart.toISOString().slice(0, 10) })),
  el('label', {}, 'To', el('input', { name: 'to', type: 'date', required: true, value: new Date().toISOString().slice(0, 10) })),
  el('button', { type: 'submit' }, 'Show return'));
  const filingForm = el('form', { class: 'form-row', 'aria-label': 'Filing', onsubmit: event => {
    event.preventDefault();
    const id = encodeURIComponent(filingForm.elements.filingId.value.trim());
    section(filing, 'the filing and its check', async () => {
      const [filed, check] = await Promise.all([api.get('/api/returns/filings/' + id), api.get('/api/returns/filings/' + id + '/check')]);
      return { filed, check };
    }, ({ filed, check }) => [el('h3', {}, 'Check: ' + check.status), generic(check, 'Check'), el('h3', {}, 'As filed'), generic(filed, 'Filing')]);
  } },
  el('label', {}, 'Filing id', el('input', { name: 'filingId', size: 40, required: true })),
  el('button', { type: 'submit' }, 'Show filing and check'));
  replace(container, el('h1', {}, 'Returns'), form, result, el('h2', {}, 'Filings'), filingForm, filing);
  container.dataset.ready = 'true';
}
