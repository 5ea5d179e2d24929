package io.switchboard.sim.freeswitch;

import java.util.Map;

/**
 * The {@code Event-Calling-File/Function/Line-Number} FreeSWITCH 1.10.12 prints for each event,
 * as in the captures.
 */
record CallingSite(String file, String function, int line) {

    private static final Map<String, CallingSite> SITES = Map.ofEntries(
            Map.entry("CHANNEL_CREATE", new CallingSite("switch_core_state_machine.c", "switch_core_session_run", 626)),
            Map.entry("CHANNEL_PROGRESS", new CallingSite("switch_channel.c", "switch_channel_perform_mark_ring_ready_value", 3505)),
            Map.entry("CHANNEL_PROGRESS_MEDIA", new CallingSite("switch_channel.c", "switch_channel_perform_mark_pre_answered", 3560)),
            Map.entry("CHANNEL_ANSWER", new CallingSite("switch_channel.c", "switch_channel_perform_mark_answered", 3846)),
            Map.entry("CHANNEL_PARK", new CallingSite("switch_ivr.c", "switch_ivr_park", 1002)),
            Map.entry("CHANNEL_UNPARK", new CallingSite("switch_ivr.c", "switch_ivr_park", 1213)),
            Map.entry("CHANNEL_BRIDGE", new CallingSite("switch_ivr_bridge.c", "switch_ivr_multi_threaded_bridge", 1689)),
            Map.entry("CHANNEL_UNBRIDGE", new CallingSite("switch_ivr_bridge.c", "switch_ivr_multi_threaded_bridge", 1879)),
            Map.entry("CHANNEL_HANGUP", new CallingSite("switch_channel.c", "switch_channel_perform_hangup", 3445)),
            Map.entry("CHANNEL_HANGUP_COMPLETE", new CallingSite("switch_core_state_machine.c", "switch_core_session_reporting_state", 943)),
            Map.entry("CHANNEL_DESTROY", new CallingSite("switch_core_session.c", "switch_core_session_perform_destroy", 1584)),
            Map.entry("CHANNEL_EXECUTE", new CallingSite("switch_core_session.c", "switch_core_session_exec", 2944)),
            Map.entry("CHANNEL_EXECUTE_COMPLETE", new CallingSite("switch_core_session.c", "switch_core_session_exec", 2967)),
            Map.entry("RECORD_START", new CallingSite("switch_ivr_async.c", "record_callback", 1481)),
            Map.entry("RECORD_STOP", new CallingSite("switch_ivr_async.c", "send_record_stop_event", 1240)),
            Map.entry("BACKGROUND_JOB", new CallingSite("mod_event_socket.c", "api_exec", 1572)),
            Map.entry("CUSTOM", new CallingSite("mod_callcenter.c", "cc_agent_update", 1067)),
            Map.entry("SHUTDOWN", new CallingSite("switch_core.c", "switch_core_destroy", 3023)));

    private static final Map<String, CallingSite> CALLCENTER = Map.of(
            "agent-add", new CallingSite("mod_callcenter.c", "cc_agent_add", 915),
            "agent-status-change", new CallingSite("mod_callcenter.c", "cc_agent_update", 1043),
            "agent-state-change", new CallingSite("mod_callcenter.c", "cc_agent_update", 1067),
            "agent-contact-change", new CallingSite("mod_callcenter.c", "cc_agent_update", 1091),
            "member-queue-start", new CallingSite("mod_callcenter.c", "callcenter_function", 3113),
            "members-count", new CallingSite("mod_callcenter.c", "cc_queue_count", 878),
            "agent-offering", new CallingSite("mod_callcenter.c", "outbound_agent_thread_run", 1717),
            "bridge-agent-start", new CallingSite("mod_callcenter.c", "outbound_agent_thread_run", 1934),
            "bridge-agent-end", new CallingSite("mod_callcenter.c", "outbound_agent_thread_run", 2062),
            "member-queue-end", new CallingSite("mod_callcenter.c", "outbound_agent_thread_run", 2098));

    /** Where mod_callcenter fires the {@code CUSTOM callcenter::info} event of {@code action}. */
    static CallingSite callcenter(String action) {
        return CALLCENTER.getOrDefault(action, SITES.get("CUSTOM"));
    }

    /** The uuid_bridge execution reported on A ({@code a}) or B. */
    static CallingSite uuidBridge(boolean a) {
        return new CallingSite("switch_ivr_bridge.c", "uuid_bridge_on_soft_execute", a ? 1236 : 1243);
    }

    static CallingSite of(String eventName) {
        return SITES.getOrDefault(eventName, new CallingSite("switch_core.c", "switch_core_session_run", 0));
    }
}
