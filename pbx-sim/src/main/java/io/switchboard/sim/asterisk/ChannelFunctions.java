package io.switchboard.sim.asterisk;

/** Channel variables and the few dialplan functions Getvar is asked for. */
final class ChannelFunctions {

    private ChannelFunctions() {
    }

    /** Sets {@code CALLERID(num)} or {@code CALLERID(name)}; false for anything else. */
    static boolean writeCallerId(SimChannel c, String variable, String value) {
        switch (variable) {
            case "CALLERID(num)" -> c.callerNum = value;
            case "CALLERID(name)" -> c.callerName = value;
            default -> {
                return false;
            }
        }
        return true;
    }

    static String read(SimChannel c, String variable) {
        return switch (variable) {
            case "CALLERID(num)" -> c.callerNum;
            case "CALLERID(name)" -> c.callerName;
            case "CALLERID(dnid)" -> c.dnid;
            case "CHANNEL", "CHANNEL(name)" -> c.name;
            case "UNIQUEID" -> c.uniqueid;
            case "CHANNEL(linkedid)" -> c.linkedid;
            default -> c.variables.getOrDefault(variable, "");
        };
    }
}
