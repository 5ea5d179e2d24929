// The signed-in supervisor: the session token lives in sessionStorage only (never in a URL or the console),
// every API call carries it as a Bearer token, and the stream gets it in its first frame.
const TOKEN = 'switchboard.wallboard.token';
const WHO = 'switchboard.wallboard.who';

export function token() {
  return sessionStorage.getItem(TOKEN);
}

export function who() {
  const text = sessionStorage.getItem(WHO);
  return text ? JSON.parse(text) : null;
}

export async function signIn(username, password) {
  const response = await fetch('/api/v1/sessions', {
    method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await response.json().catch(() => ({}));
  if (response.status !== 201) {
    throw new Error(body.message || 'sign-in failed (' + response.status + ')');
  }
  sessionStorage.setItem(TOKEN, body.token);
  sessionStorage.setItem(WHO, JSON.stringify({ username, role: body.role, teams: body.teams || [] }));
  return who();
}

export function signOut() {
  sessionStorage.removeItem(TOKEN);
  sessionStorage.removeItem(WHO);
}

/** Calls the API with the session token; answers {status, body}. A 401 signs out. */
export async function api(method, path, body) {
  const headers = { authorization: 'Bearer ' + token() };
  if (body !== undefined) {
    headers['content-type'] = 'application/json';
  }
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = await response.json().catch(() => ({}));
  if (response.status === 401) {
    signOut();
    window.dispatchEvent(new CustomEvent('signed-out', { detail: json.message || 'session ended' }));
  }
  return { status: response.status, body: json };
}

/**
 * Opens the wallboard stream and authenticates with the first frame; calls onMessage with each message and
 * onState with 'connecting', 'live' or 'closed'. Reconnects after a drop, with a growing wait, until stopped.
 */
export function stream(onMessage, onState) {
  let socket;
  let wait = 500;
  let stopped = false;
  const open = () => {
    onState('connecting');
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(scheme + '//' + location.host + '/api/v1/wallboard/stream');
    socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', token: token() }));
    socket.onmessage = event => {
      const message = JSON.parse(event.data);
      if (message.type === 'ready') {
        wait = 500;
        onState('live');
      } else if (message.type === 'error') {
        onState('closed', message.message || message.errorId);
      } else {
        onMessage(message);
      }
    };
    socket.onclose = event => {
      onState('closed');
      if (event.code === 4401) {
        signOut();
        window.dispatchEvent(new CustomEvent('signed-out', { detail: 'session ended' }));
        return;
      }
      if (!stopped && event.code !== 4403) {
        setTimeout(open, wait);
        wait = Math.min(wait * 2, 15000);
      }
    };
  };
  open();
  return () => {
    stopped = true;
    socket.close();
  };
}
