package io.switchboard.esl.control;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The entry points and channel variables of {@code dialplan/freeswitch/dialplan/switchboard.xml} that
 * {@link EslCallControl} relies on, and the rules for values sent into it. Every entry point is a
 * destination number in the context {@code switchboard}, reached with {@code XML switchboard}.
 */
final class Glue {

    static final String CONTEXT = " XML switchboard";

    static final String HOLD = "switchboard_hold";
    static final String CONNECT = "switchboard_connect";
    static final String AGENT_SESSION = "switchboard_agent_session";
    static final String OUTBOUND = "switchboard_outbound";
    static final String TRANSFER = "switchboard_transfer";
    static final String SPY = "switchboard_spy_";
    static final String ANNOUNCE = "switchboard_announce";
    /** A waiting caller who asked for a queued callback hears the confirmation and is hung up. */
    static final String CALLBACK = "switchboard_callback";

    static final String DEVICE = "switchboard_device";
    static final String AGENT = "switchboard_agent";
    static final String AGENT_UUID = "switchboard_agent_uuid";
    static final String RING_TIMEOUT = "switchboard_ring_timeout";
    static final String HOLD_REASON = "switchboard_hold_reason";
    static final String TRANSFER_TARGET = "switchboard_transfer_target";
    static final String TRANSFER_CONTEXT = "switchboard_transfer_context";
    static final String SPY_TARGET = "switchboard_spy_target";
    /** A caller a queue rule sends out: {@code switchboard_exit} transfers to the target in the admin's context. */
    static final String EXIT = "switchboard_exit";
    static final String EXIT_TARGET = "switchboard_exit_target";
    static final String EXIT_CONTEXT = "switchboard_exit_context";
    /** app_queue's variable name, so an admin's dialplan reads the reason the same on both PBXs. */
    static final String QUEUE_STATUS = "QUEUESTATUS";
    /** Not read by the glue: where {@code uuid_record ... start} writes, kept on the channel for stop/mask/unmask. */
    static final String RECORDING = "switchboard_recording";
    /** Not read by the glue: on a ring leg ({@code ringAgentLeg}), the customer's uuid; the translator reads it. */
    static final String RING_CALL = "switchboard_ring_call";
    /** Not read by the glue: on a ring leg, the leg id Switchboard gave it; the translator reads it. */
    static final String RING_LEG = "switchboard_ring_leg";

    /** The glue's rule for agent ids ({@code switchboard_agent_session}). */
    static final Pattern AGENT_ID = Pattern.compile("[0-9A-Za-z][0-9A-Za-z_-]*");

    /** A channel uuid FreeSWITCH keeps as given: {@code origination_uuid} is cut at 36 characters. */
    private static final Pattern UUID = Pattern.compile("[0-9A-Za-z-]{1,36}");

    /** Characters that would split a value: {@code originate}/{@code uuid_*} arguments, {@code {}} lists,
     *  {@code uuid_setvar_multi} ({@code ;}), inline dialplan and the {@code event} application (commas). */
    private static final Pattern UNSAFE = Pattern.compile("[\\s,;{}\\[\\]'\"]");

    private Glue() {
    }

    /** Whether {@code value} can be passed into the glue as one channel variable value. */
    static boolean safe(String value) {
        return value != null && !value.isEmpty() && !UNSAFE.matcher(value).find();
    }

    /** The channel uuid in an id {@code <pbx>/<uuid>} of this PBX, if it is one FreeSWITCH keeps as given. */
    static Optional<String> uuidOf(String pbxPrefix, String id) {
        if (!id.startsWith(pbxPrefix)) {
            return Optional.empty();
        }
        String uuid = id.substring(pbxPrefix.length());
        return UUID.matcher(uuid).matches() ? Optional.of(uuid) : Optional.empty();
    }
}
