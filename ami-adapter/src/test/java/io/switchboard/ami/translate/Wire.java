package io.switchboard.ami.translate;

/** AMI events written by hand in wire form, with the headers Asterisk 20 sends (see the fixtures). */
final class Wire {

    private static final String TIMESTAMP = "Timestamp: 1800000000.000000\n";

    private Wire() {
    }

    static String newChannel(String channel, String uniqueid, String linkedid, String context) {
        return "Event: Newchannel\nPrivilege: call,all\n" + TIMESTAMP + channelHeaders(channel, uniqueid, linkedid, context)
                + "\n";
    }

    static String dialEnd(String channel, String uniqueid, String dest, String destUniqueid, String dialStatus) {
        return "Event: DialEnd\nPrivilege: call,all\n" + TIMESTAMP + channelHeaders(channel, uniqueid, uniqueid,
                "switchboard-connect")
                + "\nDestChannel: " + dest + "\nDestChannelState: 5\nDestChannelStateDesc: Ringing"
                + "\nDestUniqueid: " + destUniqueid + "\nDestLinkedid: " + uniqueid + "\nDialStatus: " + dialStatus;
    }

    static String confbridgeJoin(String conference, String bridge, String channel, String uniqueid) {
        return "Event: ConfbridgeJoin\nPrivilege: call,all\n" + TIMESTAMP + "Conference: " + conference
                + "\nBridgeUniqueid: " + bridge + "\nBridgeType: base\nBridgeTechnology: softmix\n"
                + "BridgeCreator: ConfBridge\nBridgeName: " + conference + "\nBridgeNumChannels: 2\n"
                + "BridgeVideoSourceMode: none\n" + channelHeaders(channel, uniqueid, uniqueid, "switchboard-join")
                + "\nAdmin: No\nMuted: No";
    }

    /** A dialplan {@code UserEvent}: the channel's standard headers, then only the glue's custom fields. */
    static String userEvent(String name, String channel, String uniqueid, String linkedid, String... fields) {
        return "Event: UserEvent\nPrivilege: user,all\n" + TIMESTAMP
                + channelHeaders(channel, uniqueid, linkedid, "switchboard")
                + "\nUserEvent: " + name + (fields.length == 0 ? "" : "\n" + String.join("\n", fields));
    }

    private static String channelHeaders(String channel, String uniqueid, String linkedid, String context) {
        return "Channel: " + channel + "\nChannelState: 6\nChannelStateDesc: Up\nCallerIDNum: 4930555\n"
                + "CallerIDName: <unknown>\nConnectedLineNum: <unknown>\nConnectedLineName: <unknown>\n"
                + "Language: en\nAccountCode: \nContext: " + context + "\nExten: s\nPriority: 1\n"
                + "Uniqueid: " + uniqueid + "\nLinkedid: " + linkedid;
    }
}
