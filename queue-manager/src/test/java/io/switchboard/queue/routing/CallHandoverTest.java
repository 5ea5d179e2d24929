package io.switchboard.queue.routing;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.event.PbxEvent;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.routing.Task;
import io.switchboard.core.routing.TaskStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static io.switchboard.queue.routing.RoutingWorld.PBX;
import static io.switchboard.queue.routing.RoutingWorld.callerLeg;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PBX's calls passing from a node that died to the next owner: node A routes (one call talking, one ringing, two
 * waiting) and keeps its calls in the store, then stops without a word; node B, on the same agents and store, takes
 * the calls over and the PBX's resync tells which legs are still up.
 */
class CallHandoverTest {

    private static final Optional<String> SUPPORT = Optional.of("support");

    private final MapCallsInFlight store = new MapCallsInFlight();
    private final RoutingWorld a = new RoutingWorld();
    private LegId talking;
    private LegId ringing;

    @BeforeEach
    void nodeARoutesFourCalls() {
        a.queue("support", Duration.ofSeconds(20), Duration.ofSeconds(10))
                .available("a1", "support", Duration.ofMinutes(9))
                .available("a2", "support", Duration.ofMinutes(5));
        a.router.keepCallsIn(store);
        a.callArrives("c1", SUPPORT);
        talking = a.pbx.lastRing().agentLeg();
        a.agentAnswers(talking);
        a.callArrives("c2", SUPPORT);
        ringing = a.pbx.lastRing().agentLeg();
        a.clock.advance(Duration.ofSeconds(1));
        a.callArrives("c3", SUPPORT);
        a.clock.advance(Duration.ofSeconds(1));
        a.callArrives("c4", SUPPORT);
        a.clock.advance(Duration.ofSeconds(30));
    }

    @Test
    void the_store_holds_each_call_as_it_stands_one_write_per_step() {
        assertThat(store.now(PBX)).extracting(held -> held.call().value()).containsExactly("c1", "c2", "c3", "c4");
        HeldCall c1 = store.held.get(CallId.of("c1"));
        assertThat(c1.connectedAt()).isPresent();
        assertThat(c1.offers()).singleElement().satisfies(offer -> assertThat(offer.leg()).isEqualTo(talking));
        assertThat(store.held.get(CallId.of("c2")).offers()).extracting(HeldCall.Offer::leg).containsExactly(ringing);
        assertThat(store.held.get(CallId.of("c4")).originalPosition()).isEqualTo(2);
        assertThat(store.writes).as("entered x4, rung x2, connected").isEqualTo(7);
    }

    @Test
    void the_new_owner_holds_the_calls_in_their_order_and_entered_times_and_decides_nothing_before_the_resync() {
        RoutingWorld b = nextOwner(store.now(PBX));

        assertThat(b.router.tasks()).extracting(Task::created).containsExactlyElementsOf(
                a.router.tasks().stream().map(Task::created).toList());
        assertThat(b.router.tasks()).extracting(Task::status).containsExactly(TaskStatus.ASSIGNED,
                TaskStatus.RESERVED, TaskStatus.PENDING, TaskStatus.PENDING);
        b.callArrives("c3", SUPPORT);
        assertThat(b.pbx.rings).isEmpty();
        assertThat(b.journal).isEmpty();
    }

    @Test
    void after_the_resync_each_call_is_entered_once_and_ended_once_and_agents_are_freed_or_kept() {
        RoutingWorld b = nextOwner(store.now(PBX));

        b.pbxReports(resync(callerLeg("c1"), callerLeg("c2"), callerLeg("c3"), LegId.of("pbx1/agent-channel")));
        b.callArrives("c3", SUPPORT);

        assertThat(entries(b, JournalEntry.Abandoned.class)).singleElement().satisfies(gone -> {
            assertThat(gone.call()).isEqualTo(CallId.of("c4"));
            assertThat(gone.originalPosition()).isEqualTo(2);
            assertThat(gone.waited()).isEqualTo(Duration.ofSeconds(30));
        });
        assertThat(b.pbx.devicesRung()).as("the lost ring's agent freed and rung again for the same caller")
                .containsExactly("SIP/a2");
        assertThat(b.pbx.lastRing().call()).isEqualTo(CallId.of("c2"));
        assertThat(b.states.stateOf("a1")).isEqualTo(AgentState.ON_CALL);

        b.callerHangsUp("c1");
        assertThat(entries(b, JournalEntry.Completed.class)).singleElement().satisfies(done -> {
            assertThat(done.call()).isEqualTo(CallId.of("c1"));
            assertThat(done.agent().value()).isEqualTo("a1");
            assertThat(done.talked()).isEqualTo(Duration.ofSeconds(32));
        });
        assertThat(b.states.stateOf("a1")).isEqualTo(AgentState.WRAP_UP);
        b.timersFire();
        assertThat(b.pbx.devicesRung()).as("a1 after wrap-up takes the caller still waiting")
                .containsExactly("SIP/a2", "SIP/a1");
        assertThat(b.pbx.lastRing().call()).isEqualTo(CallId.of("c3"));

        List<JournalEntry> both = Stream.concat(a.journal.stream(), b.journal.stream()).toList();
        assertThat(countBy(both, JournalEntry.Entered.class)).containsOnlyKeys("c1", "c2", "c3", "c4")
                .allSatisfy((call, times) -> assertThat(times).as(call).isEqualTo(1L));
        assertThat(entries(b, JournalEntry.Entered.class)).isEmpty();
        assertThat(store.now(PBX)).extracting(held -> held.call().value()).containsExactly("c2", "c3");
    }

    @Test
    void a_ring_still_up_on_the_pbx_stands_and_its_answer_connects_the_call() {
        RoutingWorld b = nextOwner(store.now(PBX));

        b.pbxReports(resync(callerLeg("c1"), callerLeg("c2"), callerLeg("c3"), callerLeg("c4"), ringing));
        assertThat(b.pbx.rings).isEmpty();
        assertThat(b.states.stateOf("a2")).isEqualTo(AgentState.RESERVED);

        b.pbxReports(new PbxEvent.CallConnected(PBX, b.clock.instant(), CallId.of("c2"), callerLeg("c2"), ringing));

        assertThat(entries(b, JournalEntry.Connected.class)).singleElement()
                .satisfies(connected -> assertThat(connected.agent().value()).isEqualTo("a2"));
        assertThat(b.states.stateOf("a2")).isEqualTo(AgentState.ON_CALL);
        assertThat(entries(b, JournalEntry.Abandoned.class)).isEmpty();
    }

    @Test
    void a_ring_answered_while_nobody_owned_the_pbx_is_recorded_connected_once_and_completes_once() {
        RoutingWorld b = nextOwner(store.now(PBX));
        // the PBX names the agent's channel its own way: the caller's leg talking is what tells
        LegId agentChannel = LegId.of("pbx1/agent-channel-2");
        Set<LegId> live = Set.of(callerLeg("c1"), callerLeg("c2"), callerLeg("c3"), callerLeg("c4"), agentChannel);

        b.pbxReports(new PbxEvent.PbxResynced(PBX, b.clock.instant(), live, Set.of(callerLeg("c2"), agentChannel)));

        assertThat(entries(b, JournalEntry.Connected.class)).singleElement().satisfies(connected -> {
            assertThat(connected.call()).isEqualTo(CallId.of("c2"));
            assertThat(connected.agent().value()).isEqualTo("a2");
        });
        assertThat(b.states.stateOf("a2")).isEqualTo(AgentState.ON_CALL);
        assertThat(b.pbx.rings).as("nobody rung again for the connected caller").isEmpty();
        b.pbxReports(new PbxEvent.CallConnected(PBX, b.clock.instant(), CallId.of("c2"), callerLeg("c2"), ringing));
        assertThat(entries(b, JournalEntry.Connected.class)).as("a late bridge event changes nothing").hasSize(1);

        b.callerHangsUp("c2");
        assertThat(entries(b, JournalEntry.Completed.class)).singleElement()
                .satisfies(done -> assertThat(done.call()).isEqualTo(CallId.of("c2")));
        assertThat(b.states.stateOf("a2")).isEqualTo(AgentState.WRAP_UP);
    }

    @Test
    void a_ring_all_round_answered_while_nobody_owned_the_pbx_connects_the_agent_whose_leg_talks_and_frees_the_rest() {
        MapCallsInFlight kept = new MapCallsInFlight();
        RoutingWorld first = ringAllRound(kept);
        HeldCall.Offer s2 = kept.held.get(CallId.of("r1")).offers().stream()
                .filter(offer -> offer.agent().value().equals("s2")).findFirst().orElseThrow();

        RoutingWorld next = new RoutingWorld(first);
        next.pbx.severalLegs = true;
        next.router.takeOver(PBX, kept.now(PBX));
        next.pbxReports(new PbxEvent.PbxResynced(PBX, next.clock.instant(), Set.of(callerLeg("r1"), s2.leg()),
                Set.of(callerLeg("r1"), s2.leg())));

        assertThat(entries(next, JournalEntry.Connected.class)).singleElement()
                .satisfies(connected -> assertThat(connected.agent().value()).isEqualTo("s2"));
        assertThat(next.states.stateOf("s2")).isEqualTo(AgentState.ON_CALL);
        assertThat(next.states.stateOf("s1")).isEqualTo(AgentState.AVAILABLE);
        assertThat(next.pbx.rings).as("the talking caller is not redirected").isEmpty();
    }

    @Test
    void phones_another_node_said_were_busy_count_as_free_once_this_node_takes_their_pbx_over() {
        RoutingWorld next = new RoutingWorld();
        next.queue("sales", Duration.ofSeconds(20), Duration.ofSeconds(10))
                .available("s1", "sales", Duration.ofMinutes(2));
        next.pbxReports(new PbxEvent.AgentDeviceStateChanged(PBX, next.clock.instant(), "SIP/s1",
                io.switchboard.core.agent.DeviceState.IN_USE));
        next.callArrives("x1", Optional.of("sales"));
        assertThat(next.pbx.rings).as("s1's phone busy, as another node said").isEmpty();

        next.router.takeOver(PBX, List.of());
        next.pbxReports(resync(callerLeg("x1")));

        assertThat(next.pbx.devicesRung()).containsExactly("SIP/s1");
    }

    @Test
    void a_call_that_ended_while_nobody_owned_the_pbx_is_completed_once_and_its_agent_wraps_up() {
        RoutingWorld b = nextOwner(store.now(PBX));

        b.pbxReports(resync(callerLeg("c2"), callerLeg("c3"), callerLeg("c4"), ringing));
        b.callerHangsUp("c1");

        assertThat(entries(b, JournalEntry.Completed.class)).singleElement().satisfies(done -> {
            assertThat(done.call()).isEqualTo(CallId.of("c1"));
            assertThat(done.callerHungUp()).isTrue();
        });
        assertThat(b.states.stateOf("a1")).isEqualTo(AgentState.WRAP_UP);
        b.timersFire();
        assertThat(b.states.stateOf("a1")).isEqualTo(AgentState.RESERVED);
        assertThat(b.pbx.lastRing().call()).isEqualTo(CallId.of("c3"));
    }

    @Test
    void a_resync_of_the_same_owner_or_of_another_pbx_changes_nothing() {
        RoutingWorld b = nextOwner(store.now(PBX));
        b.pbxReports(new PbxEvent.PbxResynced(io.switchboard.core.id.PbxId.of("pbx2"), b.clock.instant(), Set.of()));
        assertThat(b.journal).isEmpty();

        a.pbxReports(resync());

        assertThat(a.journal).noneMatch(e -> e instanceof JournalEntry.Abandoned
                || e instanceof JournalEntry.Completed);
    }

    @Test
    void the_node_that_lost_the_pbx_drops_its_calls_without_a_word_to_journal_or_store() {
        int journaled = a.journal.size();
        int writes = store.writes;

        a.router.letGo(PBX);
        a.timersFire();
        a.callerHangsUp("c1");

        assertThat(a.router.tasks()).isEmpty();
        assertThat(a.journal).hasSize(journaled);
        assertThat(store.writes).isEqualTo(writes);
        assertThat(store.now(PBX)).hasSize(4);
    }

    @Test
    void a_first_owner_with_nothing_stored_routes_as_before() {
        RoutingWorld first = new RoutingWorld();
        first.queue("support", Duration.ofSeconds(20), Duration.ZERO).available("a9", "support", Duration.ofMinutes(1));
        MapCallsInFlight empty = new MapCallsInFlight();
        first.router.keepCallsIn(empty);

        first.router.takeOver(PBX, empty.now(PBX));
        first.pbxReports(resync());
        first.callArrives("c9", SUPPORT);

        assertThat(first.pbx.devicesRung()).containsExactly("SIP/a9");
        assertThat(entries(first, JournalEntry.Entered.class)).hasSize(1);
    }

    @Test
    void a_ring_all_round_is_not_carried_over_its_agents_are_freed_and_the_caller_rung_again() {
        MapCallsInFlight kept = new MapCallsInFlight();
        RoutingWorld first = ringAllRound(kept);
        assertThat(kept.held.get(CallId.of("r1")).offers()).extracting(offer -> offer.agent().value())
                .containsExactlyInAnyOrder("s1", "s2");

        RoutingWorld next = new RoutingWorld(first);
        next.pbx.severalLegs = true;
        next.router.takeOver(PBX, kept.now(PBX));
        next.pbxReports(new PbxEvent.PbxResynced(PBX, next.clock.instant(), Set.of(callerLeg("r1"))));

        assertThat(next.pbx.devicesRung()).containsExactlyInAnyOrder("SIP/s1", "SIP/s2");
        assertThat(next.pbx.legsRung).doesNotContainAnyElementsOf(first.pbx.legsRung);
        assertThat(next.journal).noneMatch(e -> e instanceof JournalEntry.AgentMissed);
    }

    /** A node ringing s1 and s2 at once for caller r1 (ring-all), keeping its calls in {@code kept}. */
    private static RoutingWorld ringAllRound(MapCallsInFlight kept) {
        RoutingWorld first = new RoutingWorld();
        first.pbx.severalLegs = true;
        first.queue("sales", io.switchboard.core.routing.RoutingStrategy.RING_ALL)
                .available("s1", "sales", Duration.ofMinutes(2)).available("s2", "sales", Duration.ofMinutes(1));
        first.router.keepCallsIn(kept);
        first.callArrives("r1", Optional.of("sales"));
        return first;
    }

    private RoutingWorld nextOwner(List<HeldCall> held) {
        RoutingWorld b = new RoutingWorld(a);
        b.router.keepCallsIn(store);
        b.router.takeOver(PBX, held);
        return b;
    }

    private PbxEvent.PbxResynced resync(LegId... live) {
        return new PbxEvent.PbxResynced(PBX, a.clock.instant(), Set.copyOf(Arrays.asList(live)));
    }

    private static <E extends JournalEntry> List<E> entries(RoutingWorld world, Class<E> type) {
        return world.journal.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static java.util.Map<String, Long> countBy(List<JournalEntry> entries,
                                                       Class<? extends JournalEntry.CallStep> type) {
        return entries.stream().filter(type::isInstance).map(type::cast)
                .collect(Collectors.groupingBy(step -> step.call().value(), Collectors.counting()));
    }
}
