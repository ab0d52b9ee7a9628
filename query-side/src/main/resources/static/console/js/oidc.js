// jwt mode: the OpenID Connect authorization-code flow with PKCE is not wired yet; say so rather than fail silently.
import { el, problem } from './dom.js';
import { Problem } from './api.js';

export async function finishOpenIdConnect() {
  return false;
}

export function signInWithOpenIdConnect(box) {
  box.append(problem(new Problem({ title: 'Sign-in with the identity provider is not available in this console yet', code: 'OIDC_NOT_CONFIGURED' })),
    el('p', { class: 'hint' }, 'Use the API with a bearer token meanwhile.'));
}
