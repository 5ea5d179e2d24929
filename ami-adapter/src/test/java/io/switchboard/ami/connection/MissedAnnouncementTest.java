package io.switchboard.ami.connection;

import io.switchboard.ami.channel.ChannelRegistry;
import io.switchboard.ami.translate.AmiEventTranslator;
import io.switchboard.ami.translate.userevent.AgentSessionStartedEvent;
import io.switchboard.ami.translate.userevent.CallerOnHoldEvent;
import io.switchboard.core.call.Did;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The glue UserEvents missed while disconnected, rebuilt from channel variables after a resync: which channels
 * qualify, what the rebuilt events say, and that a UserEvent also arriving live announces nothing twice.
 */
class MissedAnnouncementTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final PbxId PBX = PbxId.of("pbx1");

    private final ChannelRegistry registry = new ChannelRegistry(PBX, Clock.fixed(NOW, ZoneOffset.UTC));
    private final AmiEventTranslator translator = new AmiEventTranslator(registry, Clock.fixed(NOW, ZoneOffset.UTC), "DE");
    private final RegistryResync resync = new RegistryResync(registry);

    @Test
    void an_unannounced_caller_on_hold_is_offered_with_what_its_inbound_call_carried() {
        List<CoreShowChannelEvent> live = List.of(channel("SIP/trunk-00000003", "200.3", "switchboard-hold", "MusicOnHold", "default"));
        resync.resynced(live);

        List<MissedAnnouncement> missed = resync.missedAnnouncements(live);

        assertThat(missed).containsExactly(new MissedAnnouncement.WaitingCaller("SIP/trunk-00000003", "200.3"));
        assertThat(missed.get(0).variables()).containsExactly("CALLERID(num)", "CALLERID(dnid)", "SWITCHBOARD_QUEUE");
        assertThat(translate(missed.get(0), "030555003", "4930123456", "billing")).containsExactly(
                new PbxEvent.CallOffered(PBX, NOW, CallId.of("pbx1/200.3"), LegId.of("pbx1/200.3"),
                        Optional.of(PhoneNumber.parse("+4930555003", "caller")), Did.of("4930123456"),
                        Optional.of(PhoneNumber.parse("+4930123456", "did")), Optional.of(QueueId.of("billing"))));
    }

    @Test
    void a_caller_offered_live_during_the_reconnect_is_not_offered_again_by_the_rebuild_nor_the_other_way_round() {
        List<CoreShowChannelEvent> live = List.of(
                channel("SIP/trunk-00000003", "200.3", "switchboard-hold", "MusicOnHold", "default"),
                channel("SIP/trunk-00000004", "200.4", "switchboard-hold", "MusicOnHold", "default"));
        resync.resynced(live);
        List<MissedAnnouncement> missed = resync.missedAnnouncements(live);

        List<PbxEvent> liveFirst = new ArrayList<>(translator.translate(callerOnHold("200.3")));
        liveFirst.addAll(translate(missed.get(0), "030555003", "4930123456", "billing"));
        List<PbxEvent> rebuiltFirst = new ArrayList<>(translate(missed.get(1), "030555004", "4930123456", "billing"));
        rebuiltFirst.addAll(translator.translate(callerOnHold("200.4")));

        assertThat(liveFirst).hasSize(1).allMatch(PbxEvent.CallOffered.class::isInstance);
        assertThat(rebuiltFirst).hasSize(1).allMatch(PbxEvent.CallOffered.class::isInstance);
        assertThat(resync.missedAnnouncements(live)).as("both announced now").isEmpty();
    }

    @Test
    void an_unknown_agent_session_leg_is_opened_once_with_the_agent_from_its_variable_or_its_conference() {
        List<CoreShowChannelEvent> live = List.of(
                channel("SIP/2001-00000001", "300.1", "switchboard-agent-session", "ConfBridge",
                        "switchboard-agent-a7,switchboard_bridge,switchboard_agent,switchboard_menu"),
                channel("SIP/2002-00000002", "300.2", "switchboard-agent-session", "ConfBridge",
                        "switchboard-agent-a8,switchboard_bridge,switchboard_agent,switchboard_menu"),
                channel("SIP/2003-00000003", "300.3", "switchboard-agent-session", "Answer", ""));
        resync.resynced(live);
        List<MissedAnnouncement> missed = resync.missedAnnouncements(live);

        assertThat(missed).extracting(MissedAnnouncement::uniqueid).containsExactly("300.1", "300.2", "300.3");
        List<PbxEvent> events = new ArrayList<>(translate(missed.get(0), "a7"));
        events.addAll(translate(missed.get(1), ""));
        events.addAll(translate(missed.get(2), ""));
        events.addAll(translator.translate(sessionStarted("300.1", "a7")));

        assertThat(events).containsExactly(
                new PbxEvent.AgentSessionOpened(PBX, NOW, AgentId.of("a7"), LegId.of("pbx1/300.1")),
                new PbxEvent.AgentSessionOpened(PBX, NOW, AgentId.of("a8"), LegId.of("pbx1/300.2")));
        assertThat(missed.get(2).rebuild(List.of(""))).as("not in its conference yet: the UserEvent is still to come")
                .isEmpty();
        assertThat(resync.missedAnnouncements(live)).extracting(MissedAnnouncement::uniqueid).containsExactly("300.3");
    }

    @Test
    void channels_elsewhere_and_announced_callers_are_not_read() {
        List<CoreShowChannelEvent> live = List.of(
                channel("SIP/trunk-00000005", "200.5", "switchboard-connect", "Dial", "SIP/2001,15"),
                channel("Local/s@hold-00000000;1", "200.6", "caller", "Wait", "60"));
        resync.resynced(live);

        assertThat(resync.missedAnnouncements(live)).isEmpty();
    }

    private List<PbxEvent> translate(MissedAnnouncement missed, String... values) {
        return missed.rebuild(List.of(values)).map(translator::translate).orElse(List.of());
    }

    private static CoreShowChannelEvent channel(String name, String uniqueid, String context, String application,
            String data) {
        CoreShowChannelEvent event = new CoreShowChannelEvent(new Object());
        event.setChannel(name);
        event.setUniqueid(uniqueid);
        event.setLinkedid(uniqueid);
        event.setContext(context);
        event.setExtension("s");
        event.setChannelStateDesc("Up");
        event.setApplication(application);
        event.setApplicationdata(data);
        return event;
    }

    private static ManagerEvent callerOnHold(String uniqueid) {
        CallerOnHoldEvent event = new CallerOnHoldEvent(new Object());
        event.setUniqueId(uniqueid);
        event.setCallerIdNum("030555003");
        event.setDnid("4930123456");
        event.setQueue("billing");
        event.setReason("NEW");
        return event;
    }

    private static ManagerEvent sessionStarted(String uniqueid, String agent) {
        AgentSessionStartedEvent event = new AgentSessionStartedEvent(new Object());
        event.setUniqueId(uniqueid);
        event.setAgent(agent);
        return event;
    }
}
