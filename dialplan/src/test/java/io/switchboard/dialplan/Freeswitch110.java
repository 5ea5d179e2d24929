package io.switchboard.dialplan;

import java.util.Map;

/** What a stock FreeSWITCH 1.10 build offers the shipped glue. */
final class Freeswitch110 {

    /** Dialplan applications of a stock FreeSWITCH 1.10 build, to their module. */
    static final Map<String, String> APPLICATIONS = Map.ofEntries(
            Map.entry("answer", "mod_dptools"), Map.entry("set", "mod_dptools"), Map.entry("unset", "mod_dptools"),
            Map.entry("export", "mod_dptools"), Map.entry("transfer", "mod_dptools"),
            Map.entry("event", "mod_dptools"), Map.entry("park", "mod_dptools"), Map.entry("bridge", "mod_dptools"),
            Map.entry("playback", "mod_dptools"), Map.entry("endless_playback", "mod_dptools"),
            Map.entry("play_and_get_digits", "mod_dptools"),
            Map.entry("sleep", "mod_dptools"), Map.entry("hangup", "mod_dptools"),
            Map.entry("record_session", "mod_dptools"), Map.entry("stop_record_session", "mod_dptools"),
            Map.entry("eavesdrop", "mod_dptools"), Map.entry("log", "mod_dptools"),
            Map.entry("say", "mod_dptools"), Map.entry("bind_digit_action", "mod_dptools"),
            Map.entry("clear_digit_action", "mod_dptools"), Map.entry("digit_action_set_realm", "mod_dptools"),
            Map.entry("execute_extension", "mod_dptools"),
            Map.entry("amd", "mod_amd"));

    /** Applications of a module that is not in FreeSWITCH 1.10's tree; each only behind module_exists. */
    static final Map<String, String> OPTIONAL = Map.of("amd", "mod_amd");

    private Freeswitch110() {
    }
}
