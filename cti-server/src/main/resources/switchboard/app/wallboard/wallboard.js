// The supervisor wallboard: queue tiles, the agent grid with a ticking time in state, campaign tiles and the
// day's charts, kept live by the wallboard stream; listen, whisper and barge, and forced agent states.
import { api, signIn, signOut, stream, token, who } from './session.js';
import { drawCharts } from './charts.js';

const DEVICE = 'switchboard.wallboard.device';
const STATES = ['on-call', 'reserved', 'wrap-up', 'available', 'paused', 'logged-out'];
const $ = id => document.getElementById(id);
const queues = new Map();
const agents = new Map();
const campaigns = new Map();
const reasons = new Map();
let stop = null;
let pendingMonitor = null;

function text(tag, value, className) {
  const node = document.createElement(tag);
  node.textContent = value;
  if (className) {
    node.className = className;
  }
  return node;
}

function percent(share) {
  return share === null || share === undefined ? '–' : Math.round(share * 100) + '%';
}

function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  return (h > 0 ? h + ':' : '') + m + ':' + String(s % 60).padStart(2, '0');
}

function notice(message) {
  $('notice').textContent = message;
}

// ---- queues ----
function renderQueue(kpis) {
  queues.set(kpis.queue, { kpis, received: Date.now() });
  const today = kpis.windows.today;
  const tile = document.querySelector(`[data-test="queue-${CSS.escape(kpis.queue)}"]`) ?? document.createElement('article');
  tile.className = 'tile';
  tile.dataset.test = 'queue-' + kpis.queue;
  const sl = text('dd', percent(today.serviceLevel), today.serviceLevel === null ? ''
    : today.serviceLevel >= kpis.serviceLevelTarget ? 'good' : 'poor');
  const waiting = text('dd', String(kpis.waiting));
  waiting.dataset.test = 'waiting';
  const longest = text('dd', clock(kpis.longestWaitSeconds), 'timer');
  longest.dataset.longest = kpis.queue;
  const dl = document.createElement('dl');
  dl.append(text('dt', 'Waiting'), waiting,
    text('dt', 'Longest wait'), longest,
    text('dt', 'Service level today'), sl,
    text('dt', 'Target'), text('dd', percent(kpis.serviceLevelTarget)),
    text('dt', 'Abandoned rate today'), text('dd', percent(today.abandonmentRate)),
    text('dt', 'Answered / abandoned'), text('dd', today.answered + ' / ' + today.abandoned));
  tile.replaceChildren(text('h3', kpis.queue), dl);
  if (!tile.isConnected) {
    $('queues').append(tile);
  }
}

// ---- agents ----
function renderAgents() {
  const body = $('agents');
  const rows = [...agents.values()].sort((a, b) => STATES.indexOf(a.state) - STATES.indexOf(b.state)
    || a.name.localeCompare(b.name));
  body.replaceChildren(...rows.map(agentRow));
  $('agent-counts').replaceChildren(...STATES.map(state => text('span',
    state + ': ' + rows.filter(a => a.state === state).length, 'state state-' + state)));
  tick();
}

function agentRow(agent) {
  const row = document.createElement('tr');
  row.dataset.test = 'agent-' + agent.agent;
  row.dataset.state = agent.state;
  const state = text('span', agent.state + (agent.reason ? ' (' + agent.reason + ')' : ''), 'state state-' + agent.state);
  state.dataset.test = 'state';
  const timer = text('td', '', 'timer');
  timer.dataset.since = agent.since;
  const spy = document.createElement('td');
  ['listen', 'whisper', 'barge'].forEach(mode => spy.append(button(mode, `${mode} ${agent.name}`,
    agent.state !== 'on-call', () => monitor(agent.agent, mode))));
  const force = document.createElement('td');
  const reason = document.createElement('select');
  reason.setAttribute('aria-label', 'pause reason for ' + agent.name);
  reason.dataset.test = 'reason';
  ['supervisor', 'break', 'lunch', 'training', 'meeting'].forEach(r => reason.append(new Option(r, r)));
  reason.value = reasons.get(agent.agent) ?? 'supervisor';
  reason.addEventListener('change', () => reasons.set(agent.agent, reason.value));
  force.append(reason,
    button('pause', 'pause ' + agent.name, agent.state === 'logged-out',
      () => forceState(agent, { state: 'paused', reason: reason.value })),
    button('available', 'make ' + agent.name + ' available', ['available', 'on-call', 'reserved'].includes(agent.state),
      () => forceState(agent, { state: 'available' })),
    button('log out', 'log ' + agent.name + ' out', agent.state === 'logged-out',
      () => forceState(agent, { state: 'logged-out' })));
  const name = text('th', agent.name);
  name.scope = 'row';
  const stateCell = document.createElement('td');
  stateCell.append(state);
  row.append(name, stateCell, timer, spy, force);
  return row;
}

function button(label, name, disabled, action) {
  const b = text('button', label);
  b.type = 'button';
  b.disabled = disabled;
  b.setAttribute('aria-label', name);
  b.dataset.test = label.replace(' ', '-');
  b.addEventListener('click', action);
  return b;
}

async function forceState(agent, body) {
  const answer = await api('POST', `/api/v1/agents/${encodeURIComponent(agent.agent)}/state`, body);
  notice(answer.status === 200 ? `${agent.name}: ${answer.body.state}` : `${agent.name}: ${answer.body.message}`);
}

// ---- listen, whisper, barge ----
function monitor(agentId, mode) {
  const device = sessionStorage.getItem(DEVICE);
  if (!device) {
    pendingMonitor = { agentId, mode };
    $('device-dialog').showModal();
    return;
  }
  startMonitor(agentId, mode, device);
}

async function startMonitor(agentId, mode, device) {
  const answer = await api('POST', `/api/v1/agents/${encodeURIComponent(agentId)}/monitor`, { mode, device });
  notice(answer.status === 202 ? `${mode} on ${agentId}: your phone rings` : answer.body.message);
  loadMonitors();
}

async function loadMonitors() {
  const answer = await api('GET', '/api/v1/monitors');
  const list = $('monitors');
  const mine = (answer.body.monitors || []).filter(m => m.supervisor === who()?.username);
  list.replaceChildren(...mine.map(m => {
    const item = text('li', `${m.mode} on ${m.agentId} `);
    item.dataset.test = 'monitor-' + m.id;
    item.append(button('end', `end ${m.mode} on ${m.agentId}`, false, async () => {
      const ended = await api('DELETE', `/api/v1/monitors/${encodeURIComponent(m.id)}`);
      notice(ended.status === 202 ? `${m.mode} on ${m.agentId} ended` : ended.body.message);
      loadMonitors();
    }));
    return item;
  }));
  if (mine.length === 0) {
    list.append(text('li', 'none', 'muted'));
  }
}

// ---- campaigns ----
function renderCampaigns() {
  const tiles = [...campaigns.values()].map(c => {
    const tile = document.createElement('article');
    tile.className = 'tile';
    tile.dataset.test = 'campaign-' + c.campaign;
    const dl = document.createElement('dl');
    const pacing = c.mode + (c.dialRatio ? ' ×' + c.dialRatio : '') + (c.lines ? ', ' + c.lines + ' lines' : '');
    const rate = c.abandonRatePercent === null ? '–' : c.abandonRatePercent.toFixed(1) + '%';
    dl.append(text('dt', 'Pacing'), text('dd', pacing),
      text('dt', 'Abandoned (' + c.jurisdiction + ')'), text('dd', rate + ' of ' + c.abandonCapPercent + '%',
        c.budgetSpent ? 'spent' : ''),
      text('dt', 'Abandons left'), text('dd', c.budgetSpent ? 'budget spent' : String(c.abandonsLeft)));
    tile.append(text('h3', c.name), dl);
    return tile;
  });
  $('campaigns').replaceChildren(...(tiles.length ? tiles : [text('p', 'No campaign is running.', 'muted')]));
}

// ---- charts ----
async function loadCharts() {
  const now = new Date();
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const answer = await api('GET', '/api/v1/kpis/history?from=' + dayStart.toISOString());
  const targets = new Map([...queues.values()].map(q => [q.kpis.queue, q.kpis.serviceLevelTarget]));
  drawCharts($('charts'), answer.body.intervals || [], targets, dayStart);
}

// ---- the stream ----
function onMessage(message) {
  if (message.type === 'snapshot') {
    $('queues').replaceChildren();
    message.queues.forEach(renderQueue);
    agents.clear();
    message.agents.forEach(a => agents.set(a.agent, a));
    renderAgents();
    campaigns.clear();
    message.campaigns.forEach(c => campaigns.set(c.campaign, c));
    renderCampaigns();
    loadCharts();
  } else if (message.type === 'queue') {
    renderQueue(message.queue);
  } else if (message.type === 'agent') {
    agents.set(message.agent.agent, message.agent);
    renderAgents();
  } else if (message.type === 'campaign') {
    campaigns.set(message.campaign.campaign, message.campaign);
    renderCampaigns();
  }
}

function tick() {
  const now = Date.now();
  document.querySelectorAll('[data-since]').forEach(cell => {
    cell.textContent = clock((now - Date.parse(cell.dataset.since)) / 1000);
  });
  document.querySelectorAll('[data-longest]').forEach(cell => {
    const q = queues.get(cell.dataset.longest);
    if (q && q.kpis.waiting > 0) {
      cell.textContent = clock(q.kpis.longestWaitSeconds + (now - q.received) / 1000);
    }
  });
}

function show() {
  const signedIn = token() !== null;
  $('sign-in').hidden = signedIn;
  $('board').hidden = !signedIn;
  $('sign-out').hidden = !signedIn;
  $('who').textContent = signedIn ? `${who().username} (${who().role})` : '';
  if (signedIn && stop === null) {
    stop = stream(onMessage, state => { $('connection').textContent = state; });
    loadMonitors();
  }
  if (!signedIn && stop !== null) {
    stop();
    stop = null;
  }
}

$('sign-in').addEventListener('submit', async event => {
  event.preventDefault();
  $('sign-in-error').textContent = '';
  try {
    await signIn($('username').value, $('password').value);
    $('password').value = '';
    show();
  } catch (failure) {
    $('sign-in-error').textContent = failure.message;
  }
});
$('sign-out').addEventListener('click', () => {
  signOut();
  show();
});
$('device-form').addEventListener('submit', event => {
  if (event.submitter?.value === 'ok' && $('device').checkValidity()) {
    sessionStorage.setItem(DEVICE, $('device').value);
    if (pendingMonitor) {
      startMonitor(pendingMonitor.agentId, pendingMonitor.mode, $('device').value);
    }
  }
  pendingMonitor = null;
});
window.addEventListener('signed-out', event => {
  show();
  $('sign-in-error').textContent = event.detail;
});
setInterval(tick, 1000);
setInterval(() => token() && loadCharts(), 5 * 60 * 1000);
show();
