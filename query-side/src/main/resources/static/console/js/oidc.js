// jwt mode: the OpenID Connect authorization-code flow with PKCE (RFC 7636) against the configured issuer, as a
// public client (no secret in the browser). The access token is kept in sessionStorage like the Basic credentials.
import { el, problem, replace } from './dom.js';
import { Problem, signInWithToken } from './api.js';

const FLOW_KEY = 'complaints.console.oidc';

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomText() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

function redirectUri() {
  return location.origin + '/console/';
}

async function json(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Problem({ title: body.error_description || body.title || 'The identity provider refused', code: body.error || body.code || 'HTTP_' + response.status,
      status: response.status });
  }
  return body;
}

async function discover() {
  const settings = await json(await fetch('/console/settings.json'));
  const { issuer, clientId, scope } = settings.oidc || {};
  if (!issuer) {
    throw new Problem({ title: 'No identity provider is configured for the console', code: 'OIDC_NOT_CONFIGURED' });
  }
  const configuration = await json(await fetch(issuer.replace(/\/$/, '') + '/.well-known/openid-configuration'));
  return { clientId, scope, authorizationEndpoint: configuration.authorization_endpoint, tokenEndpoint: configuration.token_endpoint };
}

/** Sends the browser to the identity provider's sign-in, with a fresh PKCE verifier and state kept for the return. */
export async function signInWithOpenIdConnect(box) {
  try {
    const provider = await discover();
    const verifier = randomText();
    const state = randomText();
    const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
    sessionStorage.setItem(FLOW_KEY, JSON.stringify({ ...provider, verifier, state, returnTo: location.hash || '#/overview' }));
    const parameters = new URLSearchParams({ response_type: 'code', client_id: provider.clientId, redirect_uri: redirectUri(),
      scope: provider.scope, state, code_challenge: challenge, code_challenge_method: 'S256' });
    location.assign(provider.authorizationEndpoint + '?' + parameters);
  } catch (failure) {
    box.append(problem(failure));
  }
}

/** Back from the identity provider with a code: exchanges it (with the verifier) for the access token. */
export async function finishOpenIdConnect(box) {
  const answer = new URLSearchParams(location.search);
  const flow = JSON.parse(sessionStorage.getItem(FLOW_KEY) || 'null');
  if (!flow || !(answer.has('code') || answer.has('error'))) return false;
  sessionStorage.removeItem(FLOW_KEY);
  const status = el('p', { class: 'loading', role: 'status' }, 'Completing the sign-in…');
  box.append(status);
  try {
    if (answer.get('error')) {
      throw new Problem({ title: answer.get('error_description') || 'The identity provider refused the sign-in', code: answer.get('error') });
    }
    if (answer.get('state') !== flow.state) {
      throw new Problem({ title: 'The sign-in answer does not match the request', code: 'OIDC_STATE_MISMATCH' });
    }
    const tokens = await json(await fetch(flow.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: answer.get('code'), redirect_uri: redirectUri(),
        client_id: flow.clientId, code_verifier: flow.verifier }),
    }));
    const claims = JSON.parse(atob(tokens.access_token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    signInWithToken(claims.preferred_username || claims.sub, tokens.access_token);
    history.replaceState(null, '', '/console/' + flow.returnTo);
    return true;
  } catch (failure) {
    history.replaceState(null, '', '/console/');
    replace(status, problem(failure));
    return false;
  }
}
