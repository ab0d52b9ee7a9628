// The console's only way to the data: the service's HTTP API, with the signed-in person's credentials.
const SESSION_KEY = 'complaints.console.session';
const CONSOLE_HEADERS = { 'X-Requested-With': 'XMLHttpRequest' };

/** A refusal of the API: the problem detail's title and code, as the console shows them. */
export class Problem extends Error {
  constructor({ title, code, status, detail }) {
    super(title);
    this.title = title;
    this.code = code;
    this.status = status;
    this.detail = detail;
  }
}

export function session() {
  const stored = sessionStorage.getItem(SESSION_KEY);
  return stored ? JSON.parse(stored) : null;
}

let onSignedOut = () => {};
export function whenSignedOut(callback) { onSignedOut = callback; }

export function signOut() {
  sessionStorage.removeItem(SESSION_KEY);
  onSignedOut();
}

/** How this service authenticates: 'jwt' when it challenges for a bearer token, 'basic' otherwise. */
export async function authenticationMode() {
  const response = await fetch('/api/cases/open?size=1', { headers: { ...CONSOLE_HEADERS, Accept: 'application/json' } });
  const challenge = response.headers.get('WWW-Authenticate') || '';
  return /^bearer/i.test(challenge) ? 'jwt' : 'basic';
}

export async function signInBasic(user, password) {
  const authorization = 'Basic ' + btoa(String.fromCharCode(...new TextEncoder().encode(user + ':' + password)));
  const response = await fetch('/api/cases/open?size=1', {
    headers: { ...CONSOLE_HEADERS, Accept: 'application/json', Authorization: authorization },
  });
  if (!response.ok) {
    throw await problemOf(response);
  }
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ user, authorization }));
}

export function signInWithToken(user, accessToken) {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify({ user, authorization: 'Bearer ' + accessToken }));
}

async function problemOf(response) {
  try {
    const body = await response.json();
    return new Problem({
      title: body.title || response.statusText || 'Request failed',
      code: body.code || 'HTTP_' + response.status,
      status: response.status,
      detail: body.detail,
    });
  } catch {
    return new Problem({ title: response.statusText || 'Request failed', code: 'HTTP_' + response.status, status: response.status });
  }
}

async function send(path, { method = 'GET', body, accept = 'application/json', signal } = {}) {
  const current = session();
  const headers = { ...CONSOLE_HEADERS, Accept: accept };
  if (current) headers.Authorization = current.authorization;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal });
  } catch (failure) {
    if (failure.name === 'AbortError') throw failure;
    throw new Problem({ title: 'The service could not be reached', code: 'NETWORK_ERROR', status: 0 });
  }
  if (response.status === 401 && current) {
    signOut();
  }
  if (!response.ok) {
    throw await problemOf(response);
  }
  return response;
}

export async function get(path, options) {
  return (await send(path, options)).json();
}

export async function post(path, body) {
  return (await send(path, { method: 'POST', body: body ?? {} })).json();
}

/** The answer when the API gives one (2xx), else null: for sections that appear only where their endpoint exists. */
export async function optional(path) {
  try {
    return await get(path);
  } catch (failure) {
    if (failure.name === 'AbortError') throw failure;
    return null;
  }
}

/**
 * Whether the API lets this person make a request: a probe built to be refused for its input (it changes nothing),
 * so that any answer but 401, 403, 404 or 405 means the role may use the endpoint. The API stays the authority.
 */
export async function permitted(path, { method = 'GET', body } = {}) {
  const current = session();
  const headers = { ...CONSOLE_HEADERS, Accept: 'application/json' };
  if (current) headers.Authorization = current.authorization;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return ![401, 403, 404, 405].includes(response.status);
  } catch {
    return false;
  }
}

/** Saves what the API answers as a file, e.g. a CSV list or an export bundle. */
export async function download(path, fallbackName, accept = '*/*') {
  const response = await send(path, { accept });
  const disposition = response.headers.get('Content-Disposition') || '';
  const named = /filename="?([^";]+)"?/.exec(disposition);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = named ? named[1] : fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * Server-Sent Events read with fetch (EventSource cannot send an Authorization header): calls onEvent(name, data)
 * for each event until the signal aborts.
 */
export async function stream(path, onEvent, signal) {
  const response = await send(path, { accept: 'text/event-stream', signal });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end;
    while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      let name = 'message';
      const data = [];
      for (const line of block.split(/\r?\n/)) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) {
        try { onEvent(name, JSON.parse(data.join('\n'))); } catch { onEvent(name, data.join('\n')); }
      }
    }
  }
}
