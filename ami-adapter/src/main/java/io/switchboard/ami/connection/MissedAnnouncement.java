package io.switchboard.ami.connection;

import io.switchboard.ami.translate.userevent.AgentSessionStartedEvent;
import io.switchboard.ami.translate.userevent.InboundCallEvent;
import io.switchboard.ami.translate.userevent.SwitchboardUserEvent;
import org.asteriskjava.manager.event.ManagerEvent;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A glue UserEvent that a channel listed on resync may have sent while Switchboard was not listening, and
 * how to rebuild it: the channel variables to read with {@code Getvar}, then the UserEvent those values
 * make. The rebuilt event goes through the same translation as a live one, which reports a call or session
 * only once, so a UserEvent that also arrives live (it was sent during the reconnect) changes nothing.
 */
public sealed interface MissedAnnouncement permits MissedAnnouncement.WaitingCaller, MissedAnnouncement.AgentSession {

    /** The channel to read from. */
    String channel();

    /** Its Uniqueid. */
    String uniqueid();

    /** The variables and functions to read, in order. */
    List<String> variables();

    /**
     * The UserEvent the glue sent, from the values read (in the order of {@link #variables()}, empty
     * strings for unset ones); empty when the channel has nothing to announce yet.
     */
    Optional<ManagerEvent> rebuild(List<String> values);

    /**
     * A caller in {@code [switchboard-hold]} whose {@code InboundCall} and {@code CallerOnHold} were missed.
     * The glue's InboundCall carries the channel's caller number, {@code DNID: ${CALLERID(dnid)}} and
     * {@code Queue: ${SWITCHBOARD_QUEUE}}, all still readable on the waiting channel.
     */
    record WaitingCaller(String channel, String uniqueid) implements MissedAnnouncement {

        /** Rejects missing values. */
        public WaitingCaller {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(uniqueid, "uniqueid");
        }

        @Override
        public List<String> variables() {
            return List.of("CALLERID(num)", "CALLERID(dnid)", "SWITCHBOARD_QUEUE");
        }

        @Override
        public Optional<ManagerEvent> rebuild(List<String> values) {
            InboundCallEvent event = new InboundCallEvent(this);
            fill(event, this);
            event.setCallerIdNum(values.get(0));
            event.setDnid(values.get(1));
            event.setQueue(values.get(2));
            return Optional.of(event);
        }
    }

    /**
     * A nailed-up agent's leg in {@code [switchboard-agent-session]} whose {@code AgentSessionStarted} was
     * missed. The glue sets {@code SWITCHBOARD_SESSION} to the agent id just before that UserEvent; when it
     * is not set yet the UserEvent is still to come, unless the channel already sits in its conference
     * {@code switchboard-agent-<agent id>}, which names the agent too.
     *
     * @param conferenceAgent the agent id from the conference the channel runs {@code ConfBridge} in, if any
     */
    record AgentSession(String channel, String uniqueid, Optional<String> conferenceAgent)
            implements MissedAnnouncement {

        private static final String CONFERENCE_PREFIX = "switchboard-agent-";

        /** Rejects missing values. */
        public AgentSession {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(uniqueid, "uniqueid");
            Objects.requireNonNull(conferenceAgent, "conferenceAgent");
        }

        /** The agent id in {@code ConfBridge} application data {@code switchboard-agent-<id>,<profiles>}. */
        static Optional<String> agentOfConference(String application, String applicationData) {
            if (!"ConfBridge".equalsIgnoreCase(application) || applicationData == null
                    || !applicationData.startsWith(CONFERENCE_PREFIX)) {
                return Optional.empty();
            }
            int comma = applicationData.indexOf(',');
            String agent = applicationData.substring(CONFERENCE_PREFIX.length(),
                    comma < 0 ? applicationData.length() : comma).trim();
            return agent.isEmpty() ? Optional.empty() : Optional.of(agent);
        }

        @Override
        public List<String> variables() {
            return List.of("SWITCHBOARD_SESSION");
        }

        @Override
        public Optional<ManagerEvent> rebuild(List<String> values) {
            Optional<String> agent = Optional.of(values.get(0).trim()).filter(a -> !a.isEmpty())
                    .or(() -> conferenceAgent);
            return agent.map(id -> {
                AgentSessionStartedEvent event = new AgentSessionStartedEvent(this);
                fill(event, this);
                event.setAgent(id);
                return event;
            });
        }
    }

    private static void fill(SwitchboardUserEvent event, MissedAnnouncement missed) {
        event.setChannel(missed.channel());
        event.setUniqueId(missed.uniqueid());
    }
}
