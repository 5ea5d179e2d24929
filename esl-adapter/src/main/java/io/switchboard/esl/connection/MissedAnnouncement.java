package io.switchboard.esl.connection;

import io.switchboard.esl.EslEventHeaders;
import io.switchboard.esl.EslEventHeaders.Header;
import io.switchboard.esl.translate.LiveChannel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A glue CUSTOM event that a channel listed on resync may have fired while Switchboard was not listening,
 * and how to rebuild it: the channel variables to read with {@code uuid_getvar}, then the event those
 * values make. The rebuilt event goes through the same translation as a live one, which reports a call or
 * a session once, so one that also arrives live (fired during the reconnect) changes nothing.
 */
sealed interface MissedAnnouncement permits MissedAnnouncement.WaitingCaller, MissedAnnouncement.SessionLeg {

    /** The glue's entry point a waiting caller sits in (its {@code dest}). */
    String HOLD = "switchboard_hold";

    /** The glue's entry point a nailed-up agent's leg sits in. */
    String SESSION = "switchboard_agent_session";

    /** The channel to read from. */
    LiveChannel channel();

    /** The variables to read, in order. */
    List<String> variables();

    /** The event the glue fired, from the values read (in order, empty strings for unset ones); empty if none. */
    Optional<EslEventHeaders> rebuild(List<String> values);

    /**
     * A caller in {@code switchboard_hold}: its {@code inbound_call} carried the caller number (still in the
     * channel list as {@code cid_num}), {@code switchboard_dnid} and {@code switchboard_queue}.
     */
    record WaitingCaller(LiveChannel channel) implements MissedAnnouncement {

        /** Rejects a missing channel. */
        public WaitingCaller {
            Objects.requireNonNull(channel, "channel");
        }

        @Override
        public List<String> variables() {
            return List.of("switchboard_dnid", "switchboard_queue");
        }

        @Override
        public Optional<EslEventHeaders> rebuild(List<String> values) {
            List<Header> headers = common(channel, "switchboard::inbound_call");
            channel.callerNumber().ifPresent(n -> headers.add(new Header("Caller-Caller-ID-Number", n)));
            headers.add(new Header("Switchboard-DNID", values.get(0)));
            headers.add(new Header("Switchboard-Queue", values.get(1)));
            return Optional.of(new EslEventHeaders(headers, ""));
        }
    }

    /**
     * A nailed-up agent's leg in {@code switchboard_agent_session}. The glue sets {@code switchboard_session}
     * to the agent id just before {@code agent_session_started}; unset, the event is still to come.
     */
    record SessionLeg(LiveChannel channel) implements MissedAnnouncement {

        /** Rejects a missing channel. */
        public SessionLeg {
            Objects.requireNonNull(channel, "channel");
        }

        @Override
        public List<String> variables() {
            return List.of("switchboard_session");
        }

        @Override
        public Optional<EslEventHeaders> rebuild(List<String> values) {
            if (values.get(0).isEmpty()) {
                return Optional.empty();
            }
            List<Header> headers = common(channel, "switchboard::agent_session_started");
            headers.add(new Header("Switchboard-Agent", values.get(0)));
            return Optional.of(new EslEventHeaders(headers, ""));
        }
    }

    /**
     * What to read back from the listed channels: waiting callers not announced yet, session legs without an
     * open session. Channels Switchboard already knows about are left alone.
     */
    static List<MissedAnnouncement> of(List<LiveChannel> channels, Predicate<String> announced,
            Predicate<String> sessionOpen) {
        List<MissedAnnouncement> missed = new ArrayList<>();
        for (LiveChannel channel : channels) {
            String dest = channel.dest().orElse("");
            if (dest.equals(HOLD) && !announced.test(channel.uuid())) {
                missed.add(new WaitingCaller(channel));
            } else if (dest.equals(SESSION) && !sessionOpen.test(channel.uuid())) {
                missed.add(new SessionLeg(channel));
            }
        }
        return missed;
    }

    /** A {@code uuid_getvar} reply as a value: unset ({@code _undef_}) and errors ({@code -ERR ...}) are empty. */
    static String value(String reply) {
        String value = reply.trim();
        return value.equals("_undef_") || value.startsWith("-ERR") ? "" : value;
    }

    private static List<Header> common(LiveChannel channel, String subclass) {
        List<Header> headers = new ArrayList<>();
        headers.add(new Header("Event-Name", "CUSTOM"));
        headers.add(new Header("Event-Subclass", subclass));
        headers.add(new Header("Unique-ID", channel.uuid()));
        headers.add(new Header("Call-Direction", channel.outbound() ? "outbound" : "inbound"));
        return headers;
    }
}
