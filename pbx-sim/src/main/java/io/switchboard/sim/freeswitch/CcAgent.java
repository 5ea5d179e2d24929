package io.switchboard.sim.freeswitch;

/** One mod_callcenter agent as {@code callcenter_config agent ...} sets it up. Engine thread only. */
final class CcAgent {

    final String name;
    final String type;
    String contact = "";
    String status = "Logged Out";
    String state = "Waiting";
    int wrapUpTime = 10;
    long lastBridgeStart;
    long lastBridgeEnd;
    long lastOfferedCall;
    long lastStatusChange;
    int callsAnswered;
    long talkTime;

    CcAgent(String name, String type) {
        this.name = name;
        this.type = type;
    }

    boolean idle() {
        return status.equals("Available") && state.equals("Waiting");
    }

    /** The {@code agent list} row. */
    String row() {
        return String.join("|", name, "single_box", "", type, contact, status, state, "0", Integer.toString(wrapUpTime),
                "0", "0", "0", Long.toString(lastBridgeStart), Long.toString(lastBridgeEnd), Long.toString(lastOfferedCall),
                Long.toString(lastStatusChange), "0", Integer.toString(callsAnswered), Long.toString(talkTime), "0", "0");
    }
}
