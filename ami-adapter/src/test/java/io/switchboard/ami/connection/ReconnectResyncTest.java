package io.switchboard.ami.connection;

import io.switchboard.core.call.Did;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.sim.asterisk.InboundCall;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.switchboard.ami.connection.SimulatedPbx.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 3: the AMI connection is cut mid-call, or the PBX restarts; Switchboard reconnects, resyncs and
 * then sees the calls the simulator has, with no call lost or counted twice. Real Asterisk-Java client,
 * real TCP, the simulator in process, millisecond backoff.
 */
class ReconnectResyncTest {

    @Test
    void after_a_network_cut_the_registry_matches_the_pbx_and_only_the_call_that_ended_meanwhile_hangs_up()
            throws Exception {
        try (SimulatedPbx pbx = SimulatedPbx.attached()) {
            String leaving = pbx.callOnHold("5550001");
            String staying = pbx.callOnHold("5550002");
            CallId leavingCall = pbx.callOf(leaving);
            LegId leavingLeg = pbx.legOf(leaving);
            CallId stayingCall = pbx.callOf(staying);

            pbx.cutNetwork();
            pbx.sim().callerHangsUp(leaving);
            String arrived = pbx.sim().inboundCall(InboundCall.of("+4930555003", "4930123456"));
            pbx.awaitOnHold(arrived);
            pbx.reconnectNetwork();

            Map<String, String> onPbx = pbx.pbxChannels();
            assertThat(onPbx.values()).containsExactlyInAnyOrder(staying, arrived);
            assertThat(pbx.knownChannels()).isEqualTo(onPbx);
            assertThat(pbx.hangups()).extracting(PbxEvent.LegHungUp::call, PbxEvent.LegHungUp::leg)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(leavingCall, leavingLeg));
            assertThat(pbx.callOf(staying)).isEqualTo(stayingCall);
            assertThat(pbx.published).filteredOn(PbxEvent.PbxResynced.class::isInstance)
                    .extracting(e -> ((PbxEvent.PbxResynced) e).liveLegs()).last().as("the legs listed after the reconnect")
                    .isEqualTo(java.util.Set.of(pbx.legOf(staying), pbx.legOf(arrived)));
            assertThat(pbx.published).filteredOn(PbxEvent.PbxResynced.class::isInstance)
                    .extracting(e -> ((PbxEvent.PbxResynced) e).talkingLegs()).last()
                    .as("callers on hold talk to nobody").isEqualTo(java.util.Set.of());
            // A call that arrived while away is a call of its own, offered after the resync with what its
            // missed InboundCall carried, read from the waiting channel: caller number, DNID, queue hint.
            CallId arrivedCall = pbx.callOf(arrived);
            assertThat(arrivedCall).isNotIn(leavingCall, stayingCall);
            assertThat(pbx.registry.byName(arrived).orElseThrow().context()).isEqualTo("switchboard-hold");
            PbxEvent.CallOffered live = offerOf(pbx, stayingCall);
            PbxEvent.CallOffered resynced = offerOf(pbx, arrivedCall);
            assertThat(resynced.leg()).isEqualTo(pbx.legOf(arrived));
            assertThat(resynced.caller()).hasValue(PhoneNumber.parse("+4930555003", "ZZ", "caller"));
            assertThat(resynced.dialled()).isEqualTo(live.dialled()).isEqualTo(Did.of("4930123456"));
            assertThat(resynced.queueHint()).isEqualTo(live.queueHint()).isPresent();
            assertThat(pbx.published.indexOf(resynced)).as("offered before PbxConnected")
                    .isLessThan(pbx.published.lastIndexOf(pbx.published.stream()
                            .filter(PbxEvent.PbxConnected.class::isInstance).reduce((a, b) -> b).orElseThrow()));
            assertNothingTwice(pbx.published);
        }
    }

    @Test
    void after_the_pbx_restarts_every_call_of_the_old_pbx_ends_once() throws Exception {
        try (SimulatedPbx pbx = SimulatedPbx.attached()) {
            String first = pbx.callOnHold("5550001");
            String second = pbx.callOnHold("5550002");
            List<LegId> legs = List.of(pbx.legOf(first), pbx.legOf(second));

            pbx.stopPbx();
            await("DISCONNECTED after the shutdown", () -> pbx.connection.state() != AmiConnectionState.LOGGED_IN
                    && pbx.count(PbxEvent.PbxDisconnected.class) == 1);
            pbx.startNewPbx();
            await("LOGGED_IN and resynced with the new PBX", () -> pbx.connection.state() == AmiConnectionState.LOGGED_IN
                    && pbx.count(PbxEvent.PbxConnected.class) == 2);

            assertThat(pbx.hangups()).extracting(PbxEvent.LegHungUp::leg).containsExactlyInAnyOrderElementsOf(legs);
            assertThat(pbx.knownChannels()).isEmpty();
            assertThat(pbx.pbxChannels()).isEmpty();
            assertNothingTwice(pbx.published);
        }
    }

    @Test
    void calls_of_a_restarted_pbx_are_new_calls_even_where_it_reuses_the_old_uniqueids() throws Exception {
        try (SimulatedPbx pbx = SimulatedPbx.attached()) {
            String old = pbx.callOnHold("5550001");
            String oldUniqueid = pbx.registry.byName(old).orElseThrow().uniqueid();
            LegId oldLeg = pbx.legOf(old);

            pbx.stopPbx();
            await("PbxDisconnected", () -> pbx.count(PbxEvent.PbxDisconnected.class) == 1);
            pbx.startNewPbxUnreachable();
            String fresh = pbx.sim().inboundCall(InboundCall.of("5550009", "4930123456"));
            pbx.awaitOnHold(fresh);
            pbx.reconnectNetwork();

            Map<String, String> onPbx = pbx.pbxChannels();
            assertThat(pbx.knownChannels()).isEqualTo(onPbx);
            assertThat(pbx.hangups()).as("the old PBX's call ended with it, even if %s is back (uniqueid %s)",
                    old, oldUniqueid).extracting(PbxEvent.LegHungUp::leg).containsExactly(oldLeg);

            LegId freshLeg = pbx.legOf(fresh);
            pbx.sim().callerHangsUp(fresh);
            await("the fresh call's hang-up", () -> pbx.hangups().size() == 2);
            assertThat(pbx.hangups()).extracting(PbxEvent.LegHungUp::leg).containsExactly(oldLeg, freshLeg);
        }
    }

    @Test
    void calls_that_outlived_the_cut_or_arrived_during_it_hang_up_once_afterwards() throws Exception {
        try (SimulatedPbx pbx = SimulatedPbx.attached()) {
            String held = pbx.callOnHold("5550001");
            pbx.cutNetwork();
            String arrived = pbx.sim().inboundCall(InboundCall.of("5550003", "4930123456"));
            pbx.awaitOnHold(arrived);
            pbx.reconnectNetwork();
            CallId heldCall = pbx.callOf(held);
            LegId heldLeg = pbx.legOf(held);
            CallId arrivedCall = pbx.callOf(arrived);
            LegId arrivedLeg = pbx.legOf(arrived);
            assertThat(pbx.hangups()).isEmpty();

            pbx.sim().callerHangsUp(held);
            pbx.sim().callerHangsUp(arrived);

            await("both hang-ups published", () -> pbx.hangups().size() >= 2 && pbx.knownChannels().isEmpty());
            assertThat(pbx.hangups()).extracting(PbxEvent.LegHungUp::call, PbxEvent.LegHungUp::leg)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(heldCall, heldLeg),
                            org.assertj.core.groups.Tuple.tuple(arrivedCall, arrivedLeg));
            assertNothingTwice(pbx.published);
        }
    }

    @Test
    void a_call_that_ends_and_one_that_starts_just_after_the_resync_list_are_neither_lost_nor_doubled()
            throws Exception {
        DuringResync during = new DuringResync();
        try (SimulatedPbx pbx = SimulatedPbx.attached(during::wrap)) {
            String leaving = pbx.callOnHold("5550001");
            LegId leavingLeg = pbx.legOf(leaving);
            pbx.cutNetwork();
            String[] arrived = new String[1];
            during.next(() -> {
                // Asterisk has answered CoreShowChannels; these events follow the list on the wire.
                arrived[0] = pbx.sim().inboundCall(InboundCall.of("5550003", "4930123456"));
                pbx.awaitOnHold(arrived[0]);
                pbx.sim().callerHangsUp(leaving);
                if (!Thread.currentThread().getName().startsWith("Asterisk-Java")) {
                    // the resync runs apart from the event thread, so the events may overtake it: let them
                    await("the hang-up translated", () -> pbx.received.stream().anyMatch(e ->
                            e.getKey() instanceof HangupEvent h && leaving.equals(h.getChannel())));
                }
            });
            pbx.reconnectNetwork();

            await("the hang-up published", () -> pbx.hangups().size() == 1);
            await("the new call offered", () -> pbx.registry.byName(arrived[0]).isPresent()
                    && pbx.offered(pbx.callOf(arrived[0])));
            assertThat(pbx.hangups()).extracting(PbxEvent.LegHungUp::leg).containsExactly(leavingLeg);
            assertThat(pbx.knownChannels()).isEqualTo(pbx.pbxChannels());
            LegId arrivedLeg = pbx.legOf(arrived[0]);

            pbx.sim().callerHangsUp(arrived[0]);
            await("the new call's hang-up", () -> pbx.hangups().size() == 2);
            assertThat(pbx.hangups()).extracting(PbxEvent.LegHungUp::leg).containsExactly(leavingLeg, arrivedLeg);
            assertThat(pbx.knownChannels()).isEmpty();
            assertNothingTwice(pbx.published);
        }
    }

    @Test
    void an_agent_session_that_ended_while_away_ends_its_leg_once_and_one_that_lasted_keeps_it() throws Exception {
        try (SimulatedPbx pbx = SimulatedPbx.attached()) {
            LegId staying = pbx.agentSession("a7", "SIP/2001");
            LegId leaving = pbx.agentSession("a8", "SIP/2002");
            String leavingPhone = pbx.channelOn(leaving);

            pbx.cutNetwork();
            pbx.sim().callerHangsUp(leavingPhone);
            pbx.reconnectNetwork();

            assertThat(pbx.knownChannels()).isEqualTo(pbx.pbxChannels());
            assertThat(pbx.channelOn(staying)).startsWith("SIP/2001-");
            assertThat(pbx.hangups()).extracting(PbxEvent.LegHungUp::leg).containsExactly(leaving);
            // The glue's AgentSessionEnded was missed; the registry knew the session, so it closes it once.
            assertThat(pbx.published).filteredOn(PbxEvent.AgentSessionClosed.class::isInstance)
                    .extracting(e -> ((PbxEvent.AgentSessionClosed) e).agent().value(),
                            e -> ((PbxEvent.AgentSessionClosed) e).leg())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a8", leaving));
            assertNothingTwice(pbx.published);

            pbx.cutNetwork();
            pbx.reconnectNetwork();
            assertThat(pbx.count(PbxEvent.AgentSessionClosed.class)).as("not again at the next resync").isEqualTo(1);
            assertThat(pbx.count(PbxEvent.AgentSessionOpened.class)).as("a7's session is not reopened").isEqualTo(2);
        }
    }

    @Test
    void what_happened_before_switchboard_attached_is_announced_once_by_the_first_resync() throws Exception {
        String[] before = new String[2];
        try (SimulatedPbx pbx = SimulatedPbx.attachedAfter(p -> {
            before[0] = p.sim().inboundCall(InboundCall.of("+4930555001", "4930123456"));
            p.awaitOnHold(before[0]);
            before[1] = p.agentSessionUnseen("a9", "SIP/2001");
        })) {
            String caller = before[0];
            String agentPhone = before[1];

            assertThat(pbx.offers()).extracting(PbxEvent.CallOffered::call, PbxEvent.CallOffered::leg)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(pbx.callOf(caller), pbx.legOf(caller)));
            // what a new owner of the PBX sees first: the legs up, under the ids the old owner's adapter gave them
            PbxEvent.PbxResynced listed = (PbxEvent.PbxResynced) pbx.published.stream()
                    .filter(PbxEvent.PbxResynced.class::isInstance).findFirst().orElseThrow();
            assertThat(listed.liveLegs()).contains(pbx.legOf(caller), pbx.legOf(agentPhone));
            assertThat(pbx.published.indexOf(listed)).as("listed before the rebuilt announcement")
                    .isLessThan(pbx.published.indexOf(pbx.offers().get(0)));
            assertThat(pbx.published).filteredOn(PbxEvent.AgentSessionOpened.class::isInstance)
                    .extracting(e -> ((PbxEvent.AgentSessionOpened) e).agent().value(),
                            e -> ((PbxEvent.AgentSessionOpened) e).leg())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("a9", pbx.legOf(agentPhone)));

            pbx.cutNetwork();
            pbx.reconnectNetwork();
            assertThat(pbx.offers()).as("not offered again at the next resync").hasSize(1);
            assertThat(pbx.count(PbxEvent.AgentSessionOpened.class)).isEqualTo(1);

            // the rebuilt session is the agent's: a caller joined to its conference is connected to it
            LegId session = pbx.legOf(agentPhone);
            pbx.connection.send(new org.asteriskjava.manager.action.RedirectAction(caller, "switchboard-join", "a9", 1),
                    response -> { });
            await("the caller connected to a9", () -> pbx.count(PbxEvent.CallConnected.class) == 1);
            assertThat(pbx.published).filteredOn(PbxEvent.CallConnected.class::isInstance)
                    .extracting(e -> ((PbxEvent.CallConnected) e).call(), e -> ((PbxEvent.CallConnected) e).agentLeg())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(pbx.callOf(caller), session));

            pbx.sim().callerHangsUp(agentPhone);
            await("the rebuilt session closes live", () -> pbx.count(PbxEvent.AgentSessionClosed.class) == 1);
            assertThat(pbx.published).filteredOn(PbxEvent.AgentSessionClosed.class::isInstance)
                    .extracting(e -> ((PbxEvent.AgentSessionClosed) e).leg()).containsExactly(session);
            assertNothingTwice(pbx.published);
        }
    }

    private static PbxEvent.CallOffered offerOf(SimulatedPbx pbx, CallId call) {
        return pbx.offers().stream().filter(o -> o.call().equals(call)).findFirst()
                .orElseThrow(() -> new AssertionError(call + " not offered"));
    }

    /** Runs a task once inside the next resync that has something to reconcile, before the registry sees the list. */
    private static final class DuringResync {

        private volatile Runnable next;

        void next(Runnable task) {
            next = task;
        }

        ChannelResync wrap(ChannelResync registry) {
            return new ChannelResync() {
                @Override
                public void connectionLost() {
                    registry.connectionLost();
                }

                @Override
                public void pbxShutDown() {
                    registry.pbxShutDown();
                }

                @Override
                public List<PbxEvent> resynced(List<CoreShowChannelEvent> liveChannels) {
                    Runnable task = next;
                    if (task != null) {
                        next = null;
                        task.run();
                    }
                    return registry.resynced(liveChannels);
                }
            };
        }
    }

    /** No call is offered twice and no leg hangs up twice. */
    private static void assertNothingTwice(List<PbxEvent> published) {
        assertThat(duplicates(published, PbxEvent.CallOffered.class, PbxEvent.CallOffered::call)).isEmpty();
        assertThat(duplicates(published, PbxEvent.LegHungUp.class, PbxEvent.LegHungUp::leg)).isEmpty();
        assertThat(duplicates(published, PbxEvent.AgentSessionOpened.class, PbxEvent.AgentSessionOpened::leg)).isEmpty();
        assertThat(duplicates(published, PbxEvent.AgentSessionClosed.class, PbxEvent.AgentSessionClosed::leg)).isEmpty();
    }

    private static <E extends PbxEvent> Map<Object, Long> duplicates(List<PbxEvent> published, Class<E> type,
            Function<E, Object> key) {
        return published.stream().filter(type::isInstance).map(type::cast)
                .collect(Collectors.groupingBy(key, Collectors.counting()))
                .entrySet().stream().filter(e -> e.getValue() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
