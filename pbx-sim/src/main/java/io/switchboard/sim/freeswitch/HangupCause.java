package io.switchboard.sim.freeswitch;

import java.util.Map;

/** Q.850 codes of the hangup causes the simulator uses. */
final class HangupCause {

    private static final Map<String, Integer> Q850 = Map.ofEntries(
            Map.entry("NORMAL_CLEARING", 16), Map.entry("USER_BUSY", 17), Map.entry("NO_ANSWER", 19),
            Map.entry("NO_USER_RESPONSE", 18), Map.entry("CALL_REJECTED", 21), Map.entry("ORIGINATOR_CANCEL", 487),
            Map.entry("NORMAL_TEMPORARY_FAILURE", 41), Map.entry("DESTINATION_OUT_OF_ORDER", 27),
            Map.entry("UNALLOCATED_NUMBER", 1), Map.entry("SYSTEM_SHUTDOWN", 0), Map.entry("MANAGER_REQUEST", 0));

    private HangupCause() {
    }

    static int q850(String cause) {
        return Q850.getOrDefault(cause, 0);
    }
}
