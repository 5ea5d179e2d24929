// Switchboard's API as the CRM pages (Salesforce Open CTI, HubSpot Calling Extensions) use it: sign-in with a
// session token kept in this tab's sessionStorage only, the agent's event socket (authenticated by its first
// frame, never by the URL), and the agent's own click-to-dial. Nothing here writes a phone number or a token to
// the console or into a URL.

const STORAGE_KEY = 'switchboard.crm.session';
const LINE_WAIT_MS = 30000;
const LINE_POLL_MS = 500;

/** A refusal from the API: its stable errorId, message and HTTP status. */
export class ApiFailure extends Error {
  constructor(status, errorId, message) {
    super(message);
    this.status = status;
    this.errorId = errorId;
  }
}

/**
 * The number as E.164 (+ and digits): a number with a + or an international 00 prefix keeps its country code, a
 * national number (a leading 0 is the trunk prefix) gets {@code defaultCountryCode}; null when it cannot be one.
 */
export function toE164(raw, defaultCountryCode) {
  if (raw === null || raw === undefined) {
    return null;
  }
  const text = String(raw).trim();
  const plus = text.startsWith('+');
  let digits = text.replace(/[^0-9]/g, '');
  if (!digits) {
    return null;
  }
  if (!plus) {
    if (digits.startsWith('00')) {
      digits = digits.slice(2);
    } else {
      const country = String(defaultCountryCode || '').replace(/[^0-9]/g, '');
      if (!country) {
        return null;
      }
      digits = country + digits.replace(/^0+/, '');
    }
  }
  return digits.length >= 7 && digits.length <= 15 ? '+' + digits : null;
}

/** The signed-in agent's client: one per page. */
export class Switchboard {
  constructor(origin = window.location.origin) {
    this.origin = origin;
    this.session = Switchboard.stored();
  }

  static stored() {
    try {
      const session = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) || 'null');
      if (session && session.token && (!session.expiresAt || Date.parse(session.expiresAt) > Date.now())) {
        return session;
      }
    } catch (ignored) {
      // an unreadable entry is no session
    }
    window.sessionStorage.removeItem(STORAGE_KEY);
    return null;
  }

  get signedIn() {
    return this.session !== null;
  }

  get agentId() {
    return this.session ? this.session.agentId : null;
  }

  /** {@code POST /api/v1/sessions}; an account that is not an agent's cannot use a CRM softphone. */
  async signIn(username, password) {
    const answer = await this.request('POST', '/api/v1/sessions', {username, password}, false);
    if (!answer.agentId) {
      throw new ApiFailure(403, 'not-an-agent', 'this account is not an agent\'s: sign in as an agent');
    }
    this.session = {token: answer.token, expiresAt: answer.expiresAt, role: answer.role, agentId: answer.agentId};
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(this.session));
    return this.session;
  }

  signOut() {
    this.session = null;
    window.sessionStorage.removeItem(STORAGE_KEY);
  }

  /** The JSON answer of a request, or an {@link ApiFailure}; a 401 signs the page out. */
  async request(method, path, body, authenticated = true) {
    const headers = {'Accept': 'application/json'};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (authenticated) {
      if (!this.session) {
        throw new ApiFailure(401, 'unauthenticated', 'sign in first');
      }
      headers['Authorization'] = 'Bearer ' + this.session.token;
    }
    const response = await fetch(this.origin + path, {method, headers, credentials: 'omit',
      body: body === undefined ? undefined : JSON.stringify(body)});
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch (ignored) {
      json = null;
    }
    if (!response.ok) {
      if (response.status === 401 && authenticated) {
        this.signOut();
      }
      throw new ApiFailure(response.status, (json && json.errorId) || 'http-' + response.status,
          (json && json.message) || response.statusText);
    }
    return json;
  }

  /**
   * Opens the agent's event socket and keeps it open (backing off up to 30 s between tries) until {@code close()}
   * or a refusal of the token (close codes 4401, 4403), which signs the page out. {@code onMessage} gets every
   * JSON message but the handshake's; {@code onStatus} gets 'connecting', 'connected', 'reconnecting', 'refused'.
   */
  events(onMessage, onStatus) {
    let socket = null;
    let closed = false;
    let delay = 1000;
    const connect = () => {
      if (closed || !this.session) {
        return;
      }
      onStatus('connecting');
      const scheme = this.origin.startsWith('https:') ? 'wss:' : 'ws:';
      const url = scheme + this.origin.replace(/^https?:/, '') + '/api/v1/agents/'
          + encodeURIComponent(this.session.agentId) + '/events';
      socket = new WebSocket(url);
      socket.onopen = () => socket.send(JSON.stringify({type: 'auth', token: this.session.token}));
      socket.onmessage = event => {
        let message;
        try {
          message = JSON.parse(event.data);
        } catch (ignored) {
          return;
        }
        if (message.type === 'ready') {
          delay = 1000;
          onStatus('connected');
        } else if (message.type !== 'error') {
          onMessage(message);
        }
      };
      socket.onclose = event => {
        if (event.code === 4401 || event.code === 4403) {
          closed = true;
          this.signOut();
          onStatus('refused');
          return;
        }
        if (!closed) {
          onStatus('reconnecting');
          setTimeout(connect, delay);
          delay = Math.min(delay * 2, 30000);
        }
      };
    };
    connect();
    return {
      close() {
        closed = true;
        if (socket) {
          socket.close(1000);
        }
      },
    };
  }

  /**
   * Calls {@code number} (E.164) for the signed-in agent, opening the agent's line first when it is closed (the
   * agent's phone rings; the call is placed once the agent answers it, within 30 s). Answers the API's
   * {@code {callId, taskId, agentId, to}} or throws an {@link ApiFailure}.
   */
  async clickToDial(number, onLineOpening = () => {}) {
    const path = '/api/v1/agents/' + encodeURIComponent(this.agentId) + '/calls';
    try {
      return await this.request('POST', path, {to: number});
    } catch (failure) {
      if (!(failure instanceof ApiFailure) || failure.errorId !== 'agent-line-not-open') {
        throw failure;
      }
    }
    onLineOpening();
    await this.openLine();
    return this.request('POST', path, {to: number});
  }

  /** Opens the agent's nailed-up line (its phone rings) and waits until the agent answered it. */
  async openLine() {
    const path = '/api/v1/agents/' + encodeURIComponent(this.agentId) + '/session';
    try {
      await this.request('POST', path, {});
    } catch (failure) {
      if (!(failure instanceof ApiFailure) || failure.errorId !== 'agent-line-open') {
        throw failure;
      }
    }
    const deadline = Date.now() + LINE_WAIT_MS;
    while (Date.now() < deadline) {
      const line = await this.request('GET', path);
      if (line && line.open) {
        return line;
      }
      await new Promise(resolve => setTimeout(resolve, LINE_POLL_MS));
    }
    throw new ApiFailure(409, 'agent-line-not-open', 'your phone was not answered: the line did not open');
  }
}

/** The element with id {@code id} in the page. */
export const $ = id => document.getElementById(id);

/** Shows {@code text} in the panel's message line, as an error when {@code error}. */
export function say(text, error = false) {
  $('message').textContent = text;
  $('message').classList.toggle('error', error);
}

/** Shows the connection state on the panel's badge. */
export function connection(state, label = state) {
  $('connection').dataset.state = state;
  $('connection').textContent = label;
}

/**
 * Wires the panel both CRM pages share: the sign-in form signs in through {@code switchboard} then calls
 * {@code start}, the dial form calls {@code dial} with the number typed, the sign-out button calls {@code stop}.
 * The sign-in button is enabled last, so the browser never submits the form (and the password) itself.
 */
export function wirePanel(switchboard, {start, stop, dial}) {
  $('sign-in').addEventListener('submit', async event => {
    event.preventDefault();
    say('Signing in…');
    try {
      await switchboard.signIn($('username').value, $('password').value);
      $('password').value = '';
      say('');
      start();
    } catch (failure) {
      say(failure instanceof ApiFailure && failure.status === 401 ? 'Wrong username or password.'
        : failure instanceof ApiFailure ? failure.message : 'Switchboard could not be reached.', true);
    }
  });
  $('dial').addEventListener('submit', event => {
    event.preventDefault();
    dial($('dial-number').value);
  });
  $('sign-out').addEventListener('click', () => stop('Signed out.'));
  $('sign-in-button').disabled = false;
}
