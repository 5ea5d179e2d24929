package io.switchboard.sim.freeswitch;

import java.util.Map;

/**
 * The {@code Event-Calling-File/Function/Line-Number} FreeSWITCH 1.10.12 prints for each event,
 * as in the captures.
 */
record CallingSite(String file, String function, int line) {

    private static final Map<String, CallingSite> SITES = Map.ofEntries(
            Map.entry("CHANNEL_CREATE", new CallingSite("switch_core_state_machine.c", "switch_core_session_run", 626)),
            Map.entry("CHANNEL_PROGRESS", new CallingSite("switch_channel.c", "switch_channel_perform_mark_ring_ready_value", 3947)),
            Map.entry("CHANNEL_PROGRESS_MEDIA", new CallingSite("switch_channel.c", "switch_channel_perform_mark_pre_answered", 3707)),
            Map.entry("CHANNEL_ANSWER", new CallingSite("switch_channel.c", "switch_channel_perform_mark_answered", 3829)),
            Map.entry("CHANNEL_PARK", new CallingSite("switch_ivr.c", "switch_ivr_park", 1002)),
            Map.entry("CHANNEL_UNPARK", new CallingSite("switch_ivr.c", "switch_ivr_park", 1188)),
            Map.entry("CHANNEL_BRIDGE", new CallingSite("switch_ivr_bridge.c", "switch_ivr_multi_threaded_bridge", 1689)),
            Map.entry("CHANNEL_UNBRIDGE", new CallingSite("switch_ivr_bridge.c", "switch_ivr_multi_threaded_bridge", 1879)),
            Map.entry("CHANNEL_HANGUP", new CallingSite("switch_channel.c", "switch_channel_perform_hangup", 3441)),
            Map.entry("CHANNEL_HANGUP_COMPLETE", new CallingSite("switch_core_state_machine.c", "switch_core_session_reporting_state", 943)),
            Map.entry("CHANNEL_DESTROY", new CallingSite("switch_core_session.c", "switch_core_session_perform_destroy", 1614)),
            Map.entry("CHANNEL_EXECUTE", new CallingSite("switch_core_session.c", "switch_core_session_exec", 2923)),
            Map.entry("CHANNEL_EXECUTE_COMPLETE", new CallingSite("switch_core_session.c", "switch_core_session_exec", 2965)),
            Map.entry("RECORD_START", new CallingSite("switch_ivr_async.c", "record_callback", 1290)),
            Map.entry("RECORD_STOP", new CallingSite("switch_ivr_async.c", "record_callback", 1384)),
            Map.entry("BACKGROUND_JOB", new CallingSite("mod_event_socket.c", "api_exec", 1572)),
            Map.entry("CUSTOM", new CallingSite("mod_callcenter.c", "cc_send_presence", 1)),
            Map.entry("SHUTDOWN", new CallingSite("switch_core.c", "switch_core_destroy", 3091)));

    static CallingSite of(String eventName) {
        return SITES.getOrDefault(eventName, new CallingSite("switch_core.c", "switch_core_session_run", 0));
    }
}
