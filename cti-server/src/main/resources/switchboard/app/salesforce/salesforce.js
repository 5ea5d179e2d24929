// Switchboard's Open CTI softphone for Salesforce Lightning. Salesforce loads this page in its softphone utility
// (the Call Center's reqAdapterUrl) with ?sfdcIframeOrigin=<the org's Lightning origin>; the page loads Open CTI
// from that origin, signs the agent in to Switchboard, and on each screen pop from the agent's event socket opens
// the caller's record (the server's lookup found exactly one) or Salesforce's own search for the caller's number.
// Click-to-dial in Salesforce places the call through Switchboard.

import {$, ApiFailure, Switchboard, connection, say, toE164, wirePanel} from '../crm/switchboard-client.js';

/** The Open CTI version loaded from the org (the connectors speak REST v62.0 too). */
const OPEN_CTI_VERSION = '62.0';
/** Hosts Salesforce serves Lightning and Visualforce from. */
const SALESFORCE_HOST = /\.(force\.com|salesforce\.com|salesforce-setup\.com|cloudforce\.com|visualforce\.com)$/;

const switchboard = new Switchboard();
const popped = new Set();
let cti = null;
let defaultCountryCode = '';
let events = null;

/** The origin of the page that frames this one, when the browser tells it. */
function parentOrigin() {
  if (window.parent === window) {
    return null;
  }
  if (window.location.ancestorOrigins && window.location.ancestorOrigins.length > 0) {
    return window.location.ancestorOrigins[0];
  }
  try {
    return document.referrer ? new URL(document.referrer).origin : null;
  } catch (ignored) {
    return null;
  }
}

/**
 * The org's origin from the sfdcIframeOrigin parameter, trusted only when it is the origin of the page framing
 * this one (whose right to frame us the server's frame-ancestors setting vouches for), or, when the browser does
 * not tell the parent's origin, an https Salesforce host: a script is never loaded from anywhere else.
 */
function salesforceOrigin() {
  let value = null;
  new URLSearchParams(window.location.search).forEach((v, k) => {
    if (k.toLowerCase() === 'sfdciframeorigin') {
      value = v;
    }
  });
  if (!value) {
    return {error: 'Not opened by Salesforce: add this page as a Call Center\'s CTI Adapter URL.'};
  }
  let url;
  try {
    url = new URL(value);
  } catch (ignored) {
    return {error: 'Salesforce passed an origin that is not a URL.'};
  }
  const parent = parentOrigin();
  if (window.parent !== window && parent === url.origin) {
    return {origin: url.origin};
  }
  if (window.parent !== window && parent === null && url.protocol === 'https:' && SALESFORCE_HOST.test(url.hostname)) {
    return {origin: url.origin};
  }
  return {error: 'Refused to load Open CTI from ' + url.origin + ': it is not the Salesforce page around this one.'};
}

function loadOpenCti() {
  const found = salesforceOrigin();
  if (found.error) {
    say(found.error, true);
    return;
  }
  const script = document.createElement('script');
  script.src = found.origin + '/support/api/' + OPEN_CTI_VERSION + '/lightning/opencti_min.js';
  script.onload = () => {
    if (!(window.sforce && window.sforce.opencti)) {
      say('Salesforce\'s Open CTI library did not load.', true);
      return;
    }
    cti = window.sforce.opencti;
    cti.getCallCenterSettings({callback: settings => {
      if (settings.success && settings.returnValue) {
        defaultCountryCode = settings.returnValue['/switchboard/defaultCountryCode'] || '';
      }
    }});
    cti.onClickToDial({listener: payload => dial(payload && payload.number, payload && payload.recordName)});
    if (switchboard.signedIn) {
      cti.enableClickToDial({callback: () => {}});
    }
  };
  script.onerror = () => say('Salesforce\'s Open CTI library could not be loaded from the org.', true);
  document.head.appendChild(script);
}

/** Opens the caller's record in Salesforce: the unique record the server found, else Salesforce's own search. */
function screenPop(pop) {
  if (!pop.callId || popped.has(pop.callId)) {
    return;
  }
  popped.add(pop.callId);
  const salesforce = (pop.crms || []).find(crm => crm.crm === 'salesforce');
  const unique = salesforce && salesforce.status === 'matched' && salesforce.matches.length === 1
    ? salesforce.matches[0] : null;
  $('call-number').textContent = pop.caller || 'withheld';
  $('call-queue').textContent = pop.queue || '';
  $('call-record').textContent = unique ? unique.name + ' (' + unique.type + ')'
    : salesforce && salesforce.status === 'matched' ? salesforce.matches.length + ' records: search opened'
      : salesforce && salesforce.status === 'unavailable' ? 'lookup unavailable: search opened' : 'no record';
  if (!cti) {
    return;
  }
  cti.setSoftphonePanelVisibility({visible: true, callback: () => {}});
  const done = result => {
    if (!result.success) {
      say('Salesforce could not open the record.', true);
    }
  };
  if (unique) {
    cti.screenPop({type: cti.SCREENPOP_TYPE.SOBJECT, params: {recordId: unique.id}, callback: done});
  } else if (pop.caller) {
    cti.searchAndScreenPop({searchParams: pop.caller, callType: cti.CALL_TYPE.INBOUND, deferred: false,
      callback: done});
  }
}

async function dial(rawNumber, who) {
  if (!switchboard.signedIn) {
    say('Sign in to Switchboard to call.', true);
    return;
  }
  const number = toE164(rawNumber, defaultCountryCode);
  if (!number) {
    say('That number cannot be called: give it with its country code.', true);
    return;
  }
  if (cti) {
    cti.setSoftphonePanelVisibility({visible: true, callback: () => {}});
  }
  say('Calling' + (who ? ' ' + who : '') + '…');
  try {
    const placed = await switchboard.clickToDial(number, () => say('Answer your phone: your line is opening…'));
    say('Calling' + (who ? ' ' + who : '') + ': the customer\'s phone rings.');
    $('call-number').textContent = number;
    $('call-queue').textContent = '';
    $('call-record').textContent = who || '';
    $('message').dataset.callId = placed.callId;
  } catch (failure) {
    say(failure instanceof ApiFailure ? failure.message : 'Switchboard could not be reached.', true);
  }
}

function start() {
  $('sign-in-panel').hidden = true;
  $('agent-panel').hidden = false;
  $('agent-id').textContent = switchboard.agentId;
  if (cti) {
    cti.enableClickToDial({callback: () => {}});
  }
  events = switchboard.events(message => {
    if (message.type === 'pop') {
      screenPop(message);
    }
  }, state => {
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
  if (cti) {
    cti.disableClickToDial({callback: () => {}});
  }
  $('agent-panel').hidden = true;
  $('sign-in-panel').hidden = false;
  connection('signed-out', 'signed out');
  say(text);
}

wirePanel(switchboard, {start, stop, dial});

loadOpenCti();
if (switchboard.signedIn) {
  start();
}
