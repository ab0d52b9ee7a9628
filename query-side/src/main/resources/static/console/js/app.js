// The console's shell: sign-in, navigation by the address's hash, and which pages the signed-in role may open.
import * as api from './api.js';
import { el, replace, problem } from './dom.js';
import { overview } from './pages/overview.js';
import { queues } from './pages/queues.js';
import { casePage } from './pages/case.js';
import { projections } from './pages/projections.js';
import { returns } from './pages/returns.js';
import { signInWithOpenIdConnect, finishOpenIdConnect } from './oidc.js';

const PAGES = { overview, queues, case: casePage, projections, returns };
const main = document.getElementById('main');
const nav = document.getElementById('nav');
const CAPABILITIES_KEY = 'complaints.console.capabilities';
let leavePage = null;

api.whenSignedOut(() => { sessionStorage.removeItem(CAPABILITIES_KEY); render(); });
document.getElementById('sign-out').addEventListener('click', () => api.signOut());
window.addEventListener('hashchange', render);

/**
 * What the API lets this person open and do: a page or an action appears only where its endpoint answers (the
 * probes of actions send a request the API refuses for its input, so they change nothing).
 */
async function discoverCapabilities() {
  // the returns are probed without a period (400 for their readers, 403 for the others): asking for one would
  // compute it from the whole event store
  const [projectionList, readsReturns, exportsCases, fileReturns] = await Promise.all([
    api.optional('/api/admin/projections'),
    api.permitted('/api/returns/fca-disp1'),
    api.permitted('/api/exports/cases'),
    api.permitted('/api/returns/fca-disp1/filings', { method: 'POST', body: {} }),
  ]);
  return { projections: projectionList !== null, returns: readsReturns, exportCases: exportsCases,
    fileReturns: readsReturns && fileReturns };
}

async function render() {
  if (leavePage) { leavePage(); leavePage = null; }
  const current = api.session();
  document.getElementById('session').hidden = !current;
  nav.hidden = !current;
  if (!current) {
    await signInPage();
    return;
  }
  document.getElementById('session-user').textContent = current.user;
  let capabilities = JSON.parse(sessionStorage.getItem(CAPABILITIES_KEY) || 'null');
  if (!capabilities) {
    capabilities = await discoverCapabilities();
    sessionStorage.setItem(CAPABILITIES_KEY, JSON.stringify(capabilities));
  }
  nav.querySelectorAll('[data-capability]').forEach(item => { item.hidden = !capabilities[item.dataset.capability]; });
  const [name, ...rest] = (location.hash.replace(/^#\/?/, '') || 'overview').split('/');
  const page = PAGES[name] && (!(name in capabilities) || capabilities[name]) ? name : 'overview';
  nav.querySelectorAll('a[data-page]').forEach(link => {
    if (link.dataset.page === page) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  });
  const controller = new AbortController();
  leavePage = () => controller.abort();
  const container = el('div', { 'data-page': page });
  replace(main, container);
  try {
    await PAGES[page](container, rest.map(decodeURIComponent), controller.signal, capabilities);
  } catch (failure) {
    if (failure.name !== 'AbortError') replace(container, problem(failure));
  }
}

async function signInPage() {
  const box = el('section', { class: 'sign-in', 'aria-labelledby': 'sign-in-title' }, el('h1', { id: 'sign-in-title' }, 'Sign in'));
  replace(main, box);
  let mode = 'basic';
  try { mode = await api.authenticationMode(); } catch { /* the form says why when signing in fails */ }
  if (mode === 'jwt') {
    if (await finishOpenIdConnect(box)) { render(); return; }
    box.append(el('p', {}, 'This service signs you in with the bank\'s identity provider.'),
      el('button', { type: 'button', id: 'sign-in-oidc', onclick: () => signInWithOpenIdConnect(box) }, 'Sign in with your bank account'));
    return;
  }
  const outcome = el('div', { 'aria-live': 'polite' });
  const user = el('input', { id: 'user', name: 'user', autocomplete: 'username', required: true });
  const password = el('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = el('form', {
    onsubmit: async event => {
      event.preventDefault();
      replace(outcome, el('p', { class: 'loading', role: 'status' }, 'Signing in…'));
      try {
        await api.signInBasic(user.value.trim(), password.value);
        if (!location.hash) location.hash = '#/overview';
        render();
      } catch (failure) {
        replace(outcome, problem(failure));
      }
    },
  },
  el('label', { for: 'user' }, 'User', user),
  el('label', { for: 'password' }, 'Password', password),
  el('button', { type: 'submit', id: 'sign-in' }, 'Sign in'),
  outcome);
  box.append(form, el('p', { class: 'hint' },
    'Demo users: intake1, handler1, supervisor1, compliance1, regulator1, analyst1 (password: demo unless configured otherwise).'));
  user.focus();
}

render();
