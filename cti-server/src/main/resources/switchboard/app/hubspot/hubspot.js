// Switchboard's calling widget for HubSpot's Calling Extensions. HubSpot loads this page in its calling iframe and
// talks to it through the Calling Extensions SDK (vendored, MIT). The agent signs in to Switchboard; the agent's
// event socket then drives the widget: a call ringing the agent is incomingCall, a call dialled for the agent is
// outgoingCall, then callAnswered, callEnded with its status and callCompleted (hideWidget). HubSpot is told never
// to create an engagement itself (createEngagement false): Switchboard logs every call through its own outbox
// (POST /crm/v3/objects/calls, keyed so that a call is written once), and a second engagement from the widget would
// double it. A pop that found exactly one HubSpot contact opens that contact (navigateToRecord). HubSpot's
// "call" button (onDialNumber) places the call through Switchboard.

import CallingExtensions from './vendor/calling-extensions-sdk-0.9.7.esm.js';
import {$, ApiFailure, Switchboard, connection, say, toE164, wirePanel} from '../crm/switchboard-client.js';

const switchboard = new Switchboard();
/** Calls HubSpot was told of, by call id: their direction and what HubSpot has heard so far. */
const calls = new Map();
let ready = false;
let portalId = null;
let events = null;
const pending = [];

/** The origin of the page framing this one, when the browser tells it. */
function parentOrigin() {
  if (window.location.ancestorOrigins && window.location.ancestorOrigins.length > 0) {
    return window.location.ancestorOrigins[0];
  }
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch (ignored) {
    return null;
  }
}

const extensions = new CallingExtensions({
  debugMode: false,
  eventHandlers: {
    onReady: data => {
      const host = extensions.iFrameManager.destinationHost;
      const parent = parentOrigin();
      if (window.parent === window || (parent !== null && parent !== host)) {
        say('Refused to talk to ' + host + ': it is not the page around this one.', true);
        return;
      }
      ready = true;
      portalId = data && data.portalId ? data.portalId : null;
      extensions.initialized({isLoggedIn: switchboard.signedIn});
      pending.splice(0).forEach(send => send());
    },
    onDialNumber: data => dial(data && data.phoneNumber),
    onVisibilityChanged: () => {},
    onCreateEngagementSucceeded: () => {},
    onCreateEngagementFailed: () => {},
    onUpdateEngagementSucceeded: () => {},
    onUpdateEngagementFailed: () => {},
    onFinalizeEngagementSucceeded: () => {},
    onFinalizeEngagementFailed: () => {},
    onNavigateToRecordFailed: () => {},
    onEndCall: () => say('Hang up on your phone: Switchboard ends calls there.'),
    defaultEventHandler: () => {},
  },
});
// The SDK logs every message it exchanges (phone numbers among them) with console.debug: not on this page.
extensions.iFrameManager.logDebugMessage = () => {};

/** Sends to HubSpot now, or once it is ready (the SDK drops messages sent before). */
function toHubSpot(send) {
  if (ready) {
    send();
  } else {
    pending.push(send);
  }
}

function show(call, state) {
  $('call-state').textContent = state;
  $('call-number').textContent = call.number || 'withheld';
}

function startCall(message, direction) {
  if (!message.callId || calls.has(message.callId)) {
    return;
  }
  const call = {direction, number: message.number || message.caller || '', answered: false, ended: false};
  calls.set(message.callId, call);
  const startTime = Date.parse(message.since || message.at) || Date.now();
  if (direction === 'inbound') {
    const toNumber = message.dialled || '';
    toHubSpot(() => extensions.incomingCall({externalCallId: message.callId, fromNumber: call.number, toNumber,
      callStartTime: startTime, createEngagement: false}));
    show(call, 'ringing');
  } else {
    toHubSpot(() => extensions.outgoingCall({externalCallId: message.callId, toNumber: call.number,
      callStartTime: startTime, createEngagement: false}));
    show(call, 'dialling');
  }
}

function answered(callId) {
  const call = calls.get(callId);
  if (call && !call.answered && !call.ended) {
    call.answered = true;
    toHubSpot(() => extensions.callAnswered({externalCallId: callId}));
    show(call, 'connected');
  }
}

/** HubSpot's end statuses for the desk's: an inbound call talked on, or an outbound call's outcome. */
function endStatus(message, call) {
  const outcome = message.outcome;
  if (!outcome) {
    return call.answered ? 'COMPLETED' : 'MISSED';
  }
  return {'completed': 'COMPLETED', 'busy': 'BUSY', 'no-answer': 'NO_ANSWER', 'failed': 'FAILED',
    'machine': 'NO_ANSWER', 'machine-message': 'COMPLETED', 'hung-up': 'CANCELED', 'abandoned': 'CANCELED',
    'transferred': 'COMPLETED'}[outcome] || (call.answered ? 'COMPLETED' : 'FAILED');
}

function ended(callId, status) {
  const call = calls.get(callId);
  if (!call || call.ended) {
    return;
  }
  call.ended = true;
  toHubSpot(() => {
    extensions.callEnded({externalCallId: callId, callEndStatus: status});
    extensions.callCompleted({externalCallId: callId, hideWidget: true});
  });
  show(call, 'ended (' + status.toLowerCase().replace('_', ' ') + ')');
  say('');
}

/** The pop: the HubSpot contact the server found, opened when it is the only one. */
function popped(pop) {
  startCall(pop, 'inbound');
  const call = calls.get(pop.callId);
  if (call && !call.number && pop.caller) {
    call.number = pop.caller;
  }
  const hubspot = (pop.crms || []).find(crm => crm.crm === 'hubspot');
  const unique = hubspot && hubspot.status === 'matched' && hubspot.matches.length === 1 ? hubspot.matches[0] : null;
  $('call-record').textContent = unique ? unique.name : hubspot && hubspot.status === 'matched'
    ? hubspot.matches.length + ' contacts' : hubspot && hubspot.status === 'unavailable' ? 'lookup unavailable'
      : 'no contact';
  if (unique && portalId && /^[0-9]+$/.test(unique.id)) {
    toHubSpot(() => extensions.navigateToRecord({objectCoordinates: {portalId: Number(portalId),
      objectId: Number(unique.id), objectTypeId: '0-1'}}));
  }
}

function onDesk(message) {
  switch (message.type) {
    case 'snapshot': {
      const call = message.call;
      if (call && call.phase !== 'ended') {
        startCall(call, call.direction === 'outbound' ? 'outbound' : 'inbound');
        if (call.phase === 'connected') {
          answered(call.callId);
        }
      }
      break;
    }
    case 'ringing':
      if (message.direction !== 'outbound') {
        startCall(message, 'inbound');
      }
      break;
    case 'dialling':
      startCall(message, 'outbound');
      break;
    case 'pop':
      popped(message);
      break;
    case 'connected':
      answered(message.callId);
      break;
    case 'missed':
    case 'ring-canceled':
      ended(message.callId, 'MISSED');
      break;
    case 'ended': {
      const call = calls.get(message.callId);
      if (call) {
        ended(message.callId, endStatus(message, call));
      }
      break;
    }
    default:
      break;
  }
}

async function dial(rawNumber) {
  if (!switchboard.signedIn) {
    say('Sign in to Switchboard to call.', true);
    return;
  }
  const number = toE164(rawNumber, '');
  if (!number) {
    say('That number cannot be called: give it with its country code.', true);
    return;
  }
  say('Calling…');
  try {
    const placed = await switchboard.clickToDial(number, () => say('Answer your phone: your line is opening…'));
    startCall({callId: placed.callId, number, at: new Date().toISOString()}, 'outbound');
    say('Calling: the customer\'s phone rings.');
  } catch (failure) {
    say(failure instanceof ApiFailure ? failure.message : 'Switchboard could not be reached.', true);
  }
}

function start() {
  $('sign-in-panel').hidden = true;
  $('agent-panel').hidden = false;
  $('agent-id').textContent = switchboard.agentId;
  toHubSpot(() => extensions.userLoggedIn());
  events = switchboard.events(onDesk, state => {
    connection(state);
    if (state === 'refused') {
      stop('Your session ended: sign in again.');
    }
  });
}

function stop(text) {
  if (events) {
    events.close();
    events = null;
  }
  switchboard.signOut();
  toHubSpot(() => extensions.userLoggedOut());
  $('agent-panel').hidden = true;
  $('sign-in-panel').hidden = false;
  connection('signed-out', 'signed out');
  say(text);
}

wirePanel(switchboard, {start, stop, dial});

if (switchboard.signedIn) {
  start();
}
