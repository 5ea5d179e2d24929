// A stand-in for Salesforce's Open CTI library (served by the fake org at /support/api/62.0/lightning/opencti_min.js),
// for the browser tests. Each method takes the arguments the real library documents (Open CTI Developer Guide,
// "Methods for Lightning Experience"): one object with the method's fields and an optional callback, answered as
// {success, returnValue, errors}. Every call is posted, with its arguments (functions as "[function]"), to the
// fake org around the softphone, which records it: the real library posts its calls to Salesforce the same way.
// Salesforce's own SCREENPOP_TYPE and CALL_TYPE constants are used by name only, so their values here are ours.
(function () {
  var org = null;
  new URLSearchParams(window.location.search).forEach(function (value, key) {
    if (key.toLowerCase() === 'sfdciframeorigin') {
      org = value;
    }
  });
  var clickToDialEnabled = false;
  var clickToDialListener = null;

  function record(method, args) {
    var copy = JSON.parse(JSON.stringify(args || {}, function (key, value) {
      return typeof value === 'function' ? '[function]' : value;
    }));
    window.parent.postMessage({openCti: {method: method, args: copy}}, org);
  }

  function answer(args, returnValue) {
    if (args && typeof args.callback === 'function') {
      setTimeout(function () {
        args.callback({success: true, returnValue: returnValue, errors: null});
      }, 0);
    }
  }

  function method(name, returnValue, effect) {
    return function (args) {
      record(name, args);
      if (effect) {
        effect(args);
      }
      answer(args, typeof returnValue === 'function' ? returnValue(args) : returnValue);
    };
  }

  window.addEventListener('message', function (event) {
    if (event.origin === org && event.data && event.data.salesforce === 'clickToDial' && clickToDialEnabled
        && clickToDialListener) {
      clickToDialListener(event.data.payload);
    }
  });

  window.sforce = {
    opencti: {
      SCREENPOP_TYPE: {SOBJECT: 'sobject', URL: 'url', OBJECTHOME: 'objecthome', LIST: 'list', SEARCH: 'search',
        NEW_RECORD_MODAL: 'newRecord', FLOW: 'flow'},
      CALL_TYPE: {INBOUND: 'inbound', OUTBOUND: 'outbound', INTERNAL: 'internal'},
      screenPop: method('screenPop', true),
      searchAndScreenPop: method('searchAndScreenPop', {}),
      setSoftphonePanelVisibility: method('setSoftphonePanelVisibility', true),
      enableClickToDial: method('enableClickToDial', true, function () { clickToDialEnabled = true; }),
      disableClickToDial: method('disableClickToDial', true, function () { clickToDialEnabled = false; }),
      onClickToDial: method('onClickToDial', null, function (args) { clickToDialListener = args.listener; }),
      getCallCenterSettings: method('getCallCenterSettings', {
        '/reqGeneralInfo/reqInternalName': 'SwitchboardOpenCti',
        '/reqGeneralInfo/reqSalesforceCompatibilityMode': 'Lightning',
        '/reqDialingOptions/reqInternationalPrefix': '00',
        '/switchboard/defaultCountryCode': '44'
      })
    }
  };
})();
