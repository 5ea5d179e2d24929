// The agent desktop: sign in, log in and out, go available or pause with a reason, see the ringing call with the
// caller's CRM records, take or skip a preview lead, hold, record pause, transfer, wrap up, schedule a callback.
// Everything it shows comes from the agent's event socket (typed messages, see docs/desktop.md) and the REST API.
import { api, ApiError, events, forgetSession, savedSession, signIn } from './api.js';

const $ = (id) => document.getElementById(id);
const STATE_NAMES = {
  'logged-out': 'logged out', available: 'available', reserved: 'ringing', 'on-call': 'on a call',
  'wrap-up': 'wrap-up', paused: 'paused',
};

const desk = {
  session: null, client: null, socket: null,
  state: { state: 'logged-out', reason: null, since: null },
  call: null, pops: new Map(), preview: null, wrapped: false,
};

function showError(error) {
  const box = $('error');
  if (!error) {
    box.hidden = true;
    box.textContent = '';
    return;
  }
  box.textContent = error instanceof ApiError ? `${error.message} (${error.errorId})` : String(error.message || error);
  box.hidden = false;
}

function elapsed(since) {
  if (!since) {
    return '0:00';
  }
  const seconds = Math.max(0, Math.floor((Date.now() - Date.parse(since)) / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

function safeLink(href) {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch (ignored) {
    return null;
  }
}

function renderState() {
  const { state, reason } = desk.state;
  const label = $('state');
  label.textContent = STATE_NAMES[state] || state;
  label.dataset.state = state;
  $('state-reason').textContent = reason ? `(${reason})` : '';
  const loggedIn = state !== 'logged-out';
  const busy = state === 'reserved' || state === 'on-call';
  $('log-in').disabled = loggedIn;
  $('available').disabled = !loggedIn || state === 'available' || busy;
  $('pause').disabled = !loggedIn || busy;
  $('open-line').disabled = !loggedIn;
  $('log-out').disabled = !loggedIn || busy;
  renderWrapUp();
}

function renderPop() {
  const box = $('pop');
  box.replaceChildren();
  const pop = desk.call && desk.pops.get(desk.call.callId);
  if (!pop) {
    const waiting = document.createElement('p');
    waiting.className = 'muted';
    waiting.dataset.test = 'pop-waiting';
    waiting.textContent = 'No CRM record shown yet.';
    box.append(waiting);
    return;
  }
  for (const crm of pop.crms || []) {
    if (crm.status !== 'matched') {
      const line = document.createElement('p');
      line.className = 'muted';
      line.dataset.test = `pop-${crm.crm}-${crm.status}`;
      line.textContent = crm.status === 'no-match' ? `${crm.crm}: no record for this number`
        : `${crm.crm}: unavailable (${crm.errorId || 'no answer'})`;
      box.append(line);
      continue;
    }
    for (const match of crm.matches) {
      const record = document.createElement('div');
      record.className = 'record';
      record.dataset.test = `pop-record-${crm.crm}`;
      const name = document.createElement('span');
      name.className = 'name';
      name.dataset.test = 'pop-name';
      name.textContent = match.name;
      const href = match.link && safeLink(match.link);
      if (href) {
        const link = document.createElement('a');
        link.href = href;
        link.target = '_blank';
        link.rel = 'noopener noreferrer';
        link.dataset.test = 'pop-link';
        link.append(name);
        record.append(link);
      } else {
        record.append(name);
      }
      record.append(` · ${match.type} in ${crm.crm}`);
      if (match.openTickets && match.openTickets.length) {
        const tickets = document.createElement('ul');
        tickets.setAttribute('aria-label', 'Open tickets');
        tickets.dataset.test = 'pop-tickets';
        for (const ticket of match.openTickets) {
          const item = document.createElement('li');
          item.textContent = ticket;
          tickets.append(item);
        }
        record.append(tickets);
      }
      box.append(record);
    }
  }
}

function renderCall() {
  const call = desk.call;
  $('call').hidden = !call;
  if (!call) {
    renderWrapUp();
    return;
  }
  const phases = { ringing: call.direction === 'outbound' ? 'dialling' : 'ringing', connected: 'connected',
    ended: 'ended' };
  $('call-phase').textContent = `· ${phases[call.phase] || call.phase}${call.held ? ', on hold' : ''}`;
  $('call-number').textContent = call.number || 'withheld';
  $('call-where-label').textContent = call.campaignId ? 'Campaign' : 'Queue';
  $('call-where').textContent = call.campaignId || call.queue || (call.direction === 'outbound' ? 'my call' : '');
  const live = call.phase === 'connected';
  $('hold').disabled = !live;
  $('hold').setAttribute('aria-pressed', String(Boolean(call.held)));
  $('hold').textContent = call.held ? 'Take off hold' : 'Hold';
  $('record').disabled = !live;
  $('record').setAttribute('aria-pressed', String(Boolean(call.recordingPaused)));
  $('record').textContent = call.recordingPaused ? 'Resume recording' : 'Pause recording';
  for (const field of $('transfer').elements) {
    field.disabled = !live;
  }
  renderPop();
  renderWrapUp();
}

function renderWrapUp() {
  const ended = desk.call && desk.call.phase === 'ended';
  const show = Boolean(ended || desk.state.state === 'wrap-up');
  const form = $('wrap-up');
  if (form.hidden && show) {
    $('wrap-result').textContent = '';
    desk.wrapped = false;
  }
  form.hidden = !show;
  $('callback-row').hidden = !(desk.call && desk.call.leadId);
}

function renderPreview() {
  const offer = desk.preview;
  $('preview').hidden = !offer;
  if (offer) {
    $('preview-number').textContent = offer.number || offer.phone || '';
    $('preview-campaign').textContent = offer.campaignId;
    $('preview-expires').textContent = new Date(offer.expiresAt).toLocaleTimeString();
    $('preview-expires').dateTime = offer.expiresAt;
  }
}

function onMessage(message) {
  switch (message.type) {
    case 'snapshot':
      desk.state = message.state;
      desk.call = message.call || null;
      refresh();
      break;
    case 'state':
      desk.state = { state: message.state, reason: message.reason, since: message.since };
      if (message.state !== 'reserved') {
        desk.preview = null;
      }
      break;
    case 'ringing':
    case 'dialling':
      desk.call = message;
      desk.preview = null;
      break;
    case 'pop':
      desk.pops.set(message.callId, message);
      if (desk.pops.size > 20) {
        desk.pops.delete(desk.pops.keys().next().value);
      }
      break;
    case 'connected':
      desk.call = { ...(desk.call || {}), ...message, phase: 'connected' };
      break;
    case 'held':
    case 'unheld':
      if (desk.call && desk.call.callId === message.callId) {
        desk.call.held = message.type === 'held';
      }
      break;
    case 'recording-paused':
    case 'recording-resumed':
      if (desk.call && desk.call.callId === message.callId) {
        desk.call.recordingPaused = message.type === 'recording-paused';
      }
      break;
    case 'missed':
    case 'ring-canceled':
      if (desk.call && desk.call.callId === message.callId) {
        desk.call = null;
      }
      break;
    case 'ended':
      if (desk.call && desk.call.callId === message.callId) {
        desk.call = { ...desk.call, phase: 'ended', held: false, since: message.at };
      }
      break;
    case 'preview-offered':
      desk.preview = message;
      break;
    default:
      break;
  }
  renderState();
  renderCall();
  renderPreview();
}

// After the socket's snapshot: the latest pop and any preview offer, which the snapshot does not carry.
async function refresh() {
  for (const [path, apply] of [['pop', (pop) => onMessage({ ...pop, type: 'pop' })],
    ['preview', (offer) => onMessage({ ...offer, number: offer.phone, type: 'preview-offered' })]]) {
    try {
      apply(await desk.client.get(`${desk.client.agent}/${path}`));
    } catch (ignored) {
      // 404: none now
    }
  }
}

async function act(action) {
  showError(null);
  try {
    return await action();
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      signOut();
    }
    showError(error);
    return null;
  }
}

function setState(state, reason) {
  return act(() => desk.client.post(`${desk.client.agent}/state`, reason ? { state, reason } : { state }));
}

async function wrapUp(event) {
  event.preventDefault();
  const disposition = $('disposition').value;
  const notes = $('notes').value.trim();
  const when = $('callback-at').value;
  await act(async () => {
    const done = [];
    try {
      await desk.client.post(`${desk.client.agent}/wrap-up`, notes ? { disposition, notes } : { disposition });
      done.push('call logged');
    } catch (error) {
      if (!(error instanceof ApiError && error.errorId === 'no-call-to-wrap-up')) {
        throw error;
      }
      done.push('no call log waiting (no CRM)');
    }
    if (when && desk.call && desk.call.leadId) {
      const answer = await desk.client.post(`${desk.client.agent}/callback`,
        { at: new Date(when).toISOString(), disposition: 'callback' });
      done.push(`callback at ${new Date(answer.callbackAt).toLocaleString()}`);
    }
    desk.wrapped = true;
    $('wrap-result').textContent = `Saved: ${done.join(', ')}.`;
  });
}

function startDesk(session) {
  desk.session = session;
  desk.client = api(session);
  $('sign-in').hidden = true;
  $('desk').hidden = false;
  $('who').hidden = false;
  $('who').textContent = `${session.agentId} (${session.role})`;
  $('sign-out').hidden = false;
  $('link').hidden = false;
  desk.socket = events(session, onMessage, (link) => {
    $('link').textContent = { connecting: 'connecting…', up: 'live', down: 'connection lost, retrying…' }[link];
    $('link').classList.toggle('down', link === 'down');
  }, (code) => {
    showError(code === 4403 ? 'This account may not use this desk.' : 'Your session has ended: sign in again.');
    signOut(true);
  });
  renderState();
  renderCall();
  renderPreview();
}

function signOut(keepError) {
  if (desk.socket) {
    desk.socket.close();
  }
  forgetSession();
  Object.assign(desk, { session: null, client: null, socket: null, call: null, preview: null, pops: new Map() });
  $('desk').hidden = true;
  $('who').hidden = true;
  $('sign-out').hidden = true;
  $('link').hidden = true;
  $('sign-in').hidden = false;
  $('password').value = '';
  if (!keepError) {
    showError(null);
  }
  $('username').focus();
}

function wire() {
  if (window.self !== window.top) {
    document.body.classList.add('compact');
  }
  $('sign-in').addEventListener('submit', async (event) => {
    event.preventDefault();
    showError(null);
    try {
      const session = await signIn($('username').value.trim(), $('password').value);
      $('password').value = '';
      if (!session.agentId) {
        forgetSession();
        showError('This account is not an agent: the desk needs an agent account.');
        return;
      }
      startDesk(session);
    } catch (error) {
      $('password').value = '';
      showError(error instanceof ApiError && error.status === 401
        ? 'Wrong username or password.' : error);
      $('password').focus();
    }
  });
  $('sign-out').addEventListener('click', () => signOut());
  $('log-in').addEventListener('click', () => setState('available'));
  $('available').addEventListener('click', () => setState('available'));
  $('pause').addEventListener('click', () => setState('paused', $('pause-reason').value));
  $('log-out').addEventListener('click', () => setState('logged-out'));
  $('open-line').addEventListener('click', () => act(() => desk.client.post(`${desk.client.agent}/session`, {})));
  $('hold').addEventListener('click', () => act(() => desk.client.post(
    `${desk.client.agent}/call/${desk.call && desk.call.held ? 'unhold' : 'hold'}`)));
  $('record').addEventListener('click', () => act(() => desk.client.post(
    `${desk.client.agent}/call/recording/${desk.call && desk.call.recordingPaused ? 'resume' : 'pause'}`)));
  $('transfer').addEventListener('submit', (event) => {
    event.preventDefault();
    act(() => desk.client.post(`${desk.client.agent}/call/transfer`,
      { to: $('transfer-to').value.replace(/[\s()-]/g, ''), mode: $('transfer-mode').value }));
  });
  $('preview-dial').addEventListener('click', () => act(() => desk.client.post(`${desk.client.agent}/preview/dial`)));
  $('preview-skip').addEventListener('click', async () => {
    if (await act(() => desk.client.post(`${desk.client.agent}/preview/skip`)) !== null) {
      desk.preview = null;
      renderPreview();
    }
  });
  $('disposition').addEventListener('change', () => {
    if ($('disposition').value === 'callback' && !$('callback-row').hidden) {
      $('callback-at').focus();
    }
  });
  $('wrap-up').addEventListener('submit', wrapUp);
  $('ready').addEventListener('click', async () => {
    const done = desk.state.state === 'available' || await setState('available') !== null;
    if (done) {
      desk.call = null;
      $('notes').value = '';
      $('callback-at').value = '';
      renderCall();
    }
  });
  setInterval(() => {
    $('state-for').textContent = elapsed(desk.state.since);
    $('call-for').textContent = elapsed(desk.call && desk.call.since);
  }, 1000);
  const session = savedSession();
  if (session) {
    startDesk(session);
  } else {
    $('username').focus();
  }
}

wire();
