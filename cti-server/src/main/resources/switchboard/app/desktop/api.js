// The desk's link to Switchboard: the signed-in session (sessionStorage only: it ends with the tab), the REST
// API with the session's bearer token, and the agent's event socket, which takes the token in its first frame.
// Nothing here writes to the console: a token or a phone number must never reach a log.

const KEY = 'switchboard.desk.session';

export class ApiError extends Error {
  constructor(status, body) {
    super((body && body.message) || `HTTP ${status}`);
    this.status = status;
    this.errorId = (body && body.errorId) || `http-${status}`;
    this.details = (body && body.details) || {};
  }
}

export function savedSession() {
  try {
    const session = JSON.parse(sessionStorage.getItem(KEY) || 'null');
    if (session && session.token && Date.parse(session.expiresAt) > Date.now()) {
      return session;
    }
  } catch (ignored) {
    // a damaged entry counts as none
  }
  sessionStorage.removeItem(KEY);
  return null;
}

export function forgetSession() {
  sessionStorage.removeItem(KEY);
}

async function send(method, path, token, body) {
  const headers = { Accept: 'application/json' };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
  });
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (ignored) {
    json = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, json);
  }
  return json;
}

/** Signs in; the session (token, expiry, role, agent id) is kept in sessionStorage. */
export async function signIn(username, password) {
  const session = await send('POST', '/api/v1/sessions', null, { username, password });
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

/** The API as the signed-in agent. */
export function api(session) {
  const agent = `/api/v1/agents/${encodeURIComponent(session.agentId)}`;
  const call = (method, path, body) => send(method, path, session.token, body);
  return {
    agent,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body === undefined ? {} : body),
  };
}

/**
 * The agent's event socket: authenticates with the first frame, then hands every message to onMessage; on a drop
 * it connects again (1 s, doubling to 15 s). onLink hears 'connecting', 'up' and 'down'; onRefused hears a close
 * for a refused token (4401) or right (4403), after which it stops.
 */
export function events(session, onMessage, onLink, onRefused) {
  let socket = null;
  let wait = 1000;
  let stopped = false;
  let timer = null;

  function connect() {
    onLink('connecting');
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    socket = new WebSocket(`${scheme}://${location.host}/api/v1/agents/${encodeURIComponent(session.agentId)}/events`);
    socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'auth', token: session.token })));
    socket.addEventListener('message', (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (ignored) {
        return;
      }
      if (message.type === 'ready') {
        wait = 1000;
        onLink('up');
      }
      onMessage(message);
    });
    socket.addEventListener('close', (event) => {
      if (stopped) {
        return;
      }
      if (event.code === 4401 || event.code === 4403) {
        stopped = true;
        onRefused(event.code);
        return;
      }
      onLink('down');
      timer = setTimeout(connect, wait);
      wait = Math.min(wait * 2, 15000);
    });
  }

  connect();
  return {
    close() {
      stopped = true;
      clearTimeout(timer);
      if (socket) {
        socket.close(1000, 'signed out');
      }
    },
  };
}
