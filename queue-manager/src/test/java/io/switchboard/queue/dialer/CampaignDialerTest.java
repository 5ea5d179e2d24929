package io.switchboard.queue.dialer;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.dialer.Campaign;
import io.switchboard.core.dialer.CallingWindow;
import io.switchboard.core.dialer.DialMode;
import io.switchboard.core.dialer.Jurisdiction;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.queue.dialer.pacing.AgentlessPacer;
import io.switchboard.queue.dialer.pacing.Pacers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CampaignDialerTest {

    private static final PbxId PBX = PbxId.of("pbx1");
    private static final CampaignId SALES = CampaignId.of("sales");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T15:00:00Z"));
    private final List<Runnable> timers = new ArrayList<>();
    private final Directory directory = new Directory();
    private final Leads leads = new Leads();
    private final Gate gate = new Gate();
    private final Placer placer = new Placer();
    private final Floor floor = new Floor();
    private final AtomicInteger callIds = new AtomicInteger();
    private CampaignDialer dialer;

    @BeforeEach
    void setUp() {
        dialer = new CampaignDialer(directory, leads, gate, placer, floor, settings -> switch (settings.campaign()
                .mode()) {
            case POWER -> Pacers.power(settings.dialRatio());
            case AGENTLESS -> new AgentlessPacer(settings.broadcast().orElseThrow().lines());
            default -> Pacers.progressive();
        }, pbx -> CallId.of(pbx.value() + "/" + callIds.incrementAndGet()),
                (delay, action) -> timers.add(action), clock, Runnable::run);
    }

    @Test
    void aPowerCampaignDialsTheRatioTimesItsFreeAgentsWithoutNamingAnAgent() {
        directory.campaigns.add(campaign(DialMode.POWER, 2.0));
        floor.ready.addAll(List.of(AgentId.of("a1"), AgentId.of("a2")));
        leads.add(6);

        dialer.start();

        assertThat(placer.placed).hasSize(4);
        assertThat(placer.placed).allSatisfy(p -> assertThat(p.agent()).isEmpty());
        assertThat(leads.due).hasSize(2);
    }

    @Test
    void callsStillRingingCountAgainstTheNextPass() {
        directory.campaigns.add(campaign(DialMode.POWER, 2.0));
        floor.ready.add(AgentId.of("a1"));
        leads.add(10);
        dialer.start();
        assertThat(placer.placed).hasSize(2);

        clock.advance(CampaignDialer.TICK);
        runTimers();

        assertThat(placer.placed).as("two calls still ring for the one free agent").hasSize(2);
    }

    @Test
    void aProgressiveCampaignReservesOneAgentPerCallAndNamesIt() {
        directory.campaigns.add(campaign(DialMode.PROGRESSIVE, 1.0));
        floor.ready.addAll(List.of(AgentId.of("a1"), AgentId.of("a2")));
        leads.add(5);

        dialer.start();

        assertThat(placer.placed).extracting(Placed::agent)
                .containsExactly(Optional.of(AgentId.of("a1")), Optional.of(AgentId.of("a2")));
        assertThat(floor.reserved).containsExactly(AgentId.of("a1"), AgentId.of("a2"));
    }

    @Test
    void anAgentReservedForALeadTheGateRefusesIsReleased() {
        directory.campaigns.add(campaign(DialMode.PROGRESSIVE, 1.0));
        floor.ready.add(AgentId.of("a1"));
        leads.add(1);
        gate.skip.add(LeadId.of("1"));

        dialer.start();

        assertThat(placer.placed).isEmpty();
        assertThat(floor.reserved).isEmpty();
        assertThat(leads.released).containsEntry(LeadId.of("1"), "dnc");
    }

    @Test
    void aDeferredLeadGoesBackWithTheGatesRetryTime() {
        directory.campaigns.add(campaign(DialMode.POWER, 1.0));
        floor.ready.add(AgentId.of("a1"));
        leads.add(1);
        gate.deferUntil.put(LeadId.of("1"), Instant.parse("2026-11-25T13:00:00Z"));

        dialer.start();

        assertThat(leads.released).containsEntry(LeadId.of("1"), "outside-window");
        assertThat(leads.retryAt).containsEntry(LeadId.of("1"), Optional.of(Instant.parse("2026-11-25T13:00:00Z")));
    }

    @Test
    void aCallThePbxRefusesGivesItsLeadBackForALaterTryAndFreesItsAgent() {
        directory.campaigns.add(campaign(DialMode.PROGRESSIVE, 1.0));
        floor.ready.add(AgentId.of("a1"));
        leads.add(1);
        placer.refuse = true;

        dialer.start();

        assertThat(leads.released).containsEntry(LeadId.of("1"), "pbx-refused");
        assertThat(leads.retryAt.get(LeadId.of("1")))
                .contains(clock.instant().plus(CampaignDialer.PBX_REFUSED_RETRY));
        assertThat(floor.reserved).isEmpty();
    }

    @Test
    void noAgentWithALineMeansNoCall() {
        directory.campaigns.add(campaign(DialMode.POWER, 3.0));
        leads.add(3);

        dialer.start();

        assertThat(placer.placed).isEmpty();
        assertThat(leads.due).hasSize(3);
    }

    @Test
    void aFreedAgentIsPacedAtOnceRatherThanAtTheNextTick() {
        directory.campaigns.add(campaign(DialMode.PROGRESSIVE, 1.0));
        leads.add(3);
        dialer.start();
        assertThat(placer.placed).isEmpty();

        floor.ready.add(AgentId.of("a7"));
        dialer.agentFreed(AgentId.of("a7"));

        assertThat(placer.placed).extracting(Placed::agent).containsExactly(Optional.of(AgentId.of("a7")));
    }

    @Test
    void aPausedCampaignStopsDiallingAtTheNextRefresh() {
        directory.campaigns.add(campaign(DialMode.POWER, 1.0));
        dialer.start();
        assertThat(dialer.runningCampaigns()).containsExactly(SALES);

        directory.campaigns.clear();
        clock.advance(CampaignDialer.REFRESH);
        runTimers();
        floor.ready.add(AgentId.of("a1"));
        leads.add(2);
        dialer.agentFreed(AgentId.of("a1"));

        assertThat(dialer.runningCampaigns()).isEmpty();
        assertThat(placer.placed).isEmpty();
    }

    @Test
    void anAgentlessCampaignWithoutItsBroadcastIsNotDialled() {
        directory.campaigns.add(campaign(DialMode.AGENTLESS, 1.0));
        floor.ready.add(AgentId.of("a1"));
        leads.add(1);

        dialer.start();

        assertThat(dialer.runningCampaigns()).isEmpty();
        assertThat(placer.placed).isEmpty();
    }

    @Test
    void anAgentlessCampaignFillsItsLinesWithBroadcastsAndNoAgent() {
        directory.campaigns.add(agentless(3));
        dialer.broadcastPbx(() -> Optional.of(PBX));
        leads.add(5);

        dialer.start();

        assertThat(placer.broadcasts).hasSize(3);
        assertThat(placer.placed).isEmpty();
        assertThat(placer.broadcasts).extracting(Placed::call).allSatisfy(call ->
                assertThat(call.value()).startsWith("pbx1/"));
        assertThat(floor.looked).isZero();
        assertThat(floor.reserved).isEmpty();
        assertThat(leads.due).hasSize(2);
    }

    @Test
    void anAgentlessCampaignNeverHasMoreCallsUpThanItsLines() {
        directory.campaigns.add(agentless(3));
        dialer.broadcastPbx(() -> Optional.of(PBX));
        leads.add(10);
        dialer.start();
        placer.answered = 2;

        clock.advance(CampaignDialer.TICK);
        runTimers();
        assertThat(placer.broadcasts).as("one ringing and two answers hearing the message hold the three lines")
                .hasSize(3);

        placer.ended(2);
        clock.advance(CampaignDialer.TICK);
        runTimers();
        assertThat(placer.broadcasts).as("two lines freed, two calls placed").hasSize(5);
    }

    @Test
    void anAgentlessCampaignsNewLinesHoldFromTheNextRead() {
        directory.campaigns.add(agentless(1));
        dialer.broadcastPbx(() -> Optional.of(PBX));
        leads.add(10);
        dialer.start();
        assertThat(placer.broadcasts).hasSize(1);

        directory.campaigns.set(0, agentless(4));
        clock.advance(CampaignDialer.REFRESH);
        runTimers();
        clock.advance(CampaignDialer.TICK);
        runTimers();

        assertThat(placer.broadcasts).hasSize(4);
    }

    @Test
    void anAgentlessCampaignsLeadsStillPassTheGate() {
        directory.campaigns.add(agentless(2));
        dialer.broadcastPbx(() -> Optional.of(PBX));
        leads.add(2);
        gate.skip.add(LeadId.of("1"));
        gate.deferUntil.put(LeadId.of("2"), Instant.parse("2026-11-25T13:00:00Z"));

        dialer.start();

        assertThat(placer.broadcasts).isEmpty();
        assertThat(leads.released).containsEntry(LeadId.of("1"), "dnc").containsEntry(LeadId.of("2"), "outside-window");
        assertThat(gate.modes).containsOnly(DialMode.AGENTLESS);
    }

    @Test
    void anAgentlessCampaignWithNoPbxToDialOnPlacesNothing() {
        directory.campaigns.add(agentless(2));
        leads.add(2);

        dialer.start();

        assertThat(placer.broadcasts).isEmpty();
        assertThat(leads.due).hasSize(2);
    }

    @Test
    void aCallbackScheduledForOneAgentIsDialledForThatAgentOnly() {
        directory.campaigns.add(campaign(DialMode.POWER, 1.0));
        floor.ready.addAll(List.of(AgentId.of("a1"), AgentId.of("a2")));
        leads.addCallback(AgentId.of("a2"));

        dialer.start();

        assertThat(placer.placed).extracting(Placed::agent).containsExactly(Optional.of(AgentId.of("a2")));
        assertThat(floor.reserved).containsExactly(AgentId.of("a2"));
    }

    @Test
    void aCallbackWhoseAgentIsBusyWaitsAMinute() {
        directory.campaigns.add(campaign(DialMode.POWER, 1.0));
        floor.ready.add(AgentId.of("a1"));
        floor.busy.add(AgentId.of("a2"));
        leads.addCallback(AgentId.of("a2"));

        dialer.start();

        assertThat(placer.placed).isEmpty();
        assertThat(leads.released).containsEntry(LeadId.of("1"), "callback-agent-busy");
        assertThat(leads.retryAt.get(LeadId.of("1")))
                .contains(clock.instant().plus(CampaignDialer.CALLBACK_AGENT_RETRY));
    }

    @Test
    void aPreviewCampaignOffersTheLeadToTheReservedAgentInsteadOfDiallingIt() {
        directory.campaigns.add(campaign(DialMode.PREVIEW, 1.0));
        floor.ready.add(AgentId.of("a1"));
        leads.add(2);

        dialer.start();

        assertThat(placer.placed).isEmpty();
        assertThat(floor.reserved).containsExactly(AgentId.of("a1"));
        assertThat(dialer.preview().offerFor(AgentId.of("a1"))).hasValueSatisfying(offer -> {
            assertThat(offer.lead().id()).isEqualTo(LeadId.of("1"));
            assertThat(offer.expiresAt()).isEqualTo(clock.instant().plus(PreviewDesk.DEFAULT_TIMEOUT));
        });
    }

    @Test
    void eachPreviewOfferIsToldToTheListenerAsItIsMade() {
        java.util.List<PreviewDesk.Offer> told = new java.util.ArrayList<>();
        dialer.preview().onOffer(told::add);
        directory.campaigns.add(campaign(DialMode.PREVIEW, 1.0));
        floor.ready.add(AgentId.of("a1"));
        leads.add(2);

        dialer.start();

        assertThat(told).singleElement().satisfies(offer -> {
            assertThat(offer.agent()).isEqualTo(AgentId.of("a1"));
            assertThat(offer.lead().id()).isEqualTo(LeadId.of("1"));
        });
        assertThat(dialer.preview().offerFor(AgentId.of("a1"))).contains(told.get(0));
    }

    @Test
    void anAgentWhoDialsTheirPreviewGetsTheCallAfterTheGate() {
        directory.campaigns.add(campaign(DialMode.PREVIEW, 1.0));
        floor.ready.add(AgentId.of("a1"));
        leads.add(1);
        dialer.start();

        PreviewDesk.Choice choice = dialer.preview().dial(AgentId.of("a1")).toCompletableFuture().join();

        assertThat(choice).isEqualTo(new PreviewDesk.Choice.Dialled());
        assertThat(placer.placed).extracting(Placed::agent).containsExactly(Optional.of(AgentId.of("a1")));
        assertThat(dialer.preview().offerFor(AgentId.of("a1"))).isEmpty();
    }

    @Test
    void aPreviewTheGateRefusesAtDialTimeTellsTheAgentWhyAndFreesThem() {
        directory.campaigns.add(campaign(DialMode.PREVIEW, 1.0));
        floor.ready.add(AgentId.of("a1"));
        leads.add(1);
        dialer.start();
        gate.skip.add(LeadId.of("1"));

        PreviewDesk.Choice choice = dialer.preview().dial(AgentId.of("a1")).toCompletableFuture().join();

        assertThat(choice).isEqualTo(new PreviewDesk.Choice.NotDialled("dnc"));
        assertThat(floor.reserved).isEmpty();
    }

    @Test
    void aSkippedPreviewGoesBackToTheListAndFreesTheAgent() {
        directory.campaigns.add(campaign(DialMode.PREVIEW, 1.0));
        floor.ready.add(AgentId.of("a1"));
        leads.add(1);
        dialer.start();

        PreviewDesk.Choice choice = dialer.preview().skip(AgentId.of("a1")).toCompletableFuture().join();

        assertThat(choice).isEqualTo(new PreviewDesk.Choice.NotDialled("preview-skipped"));
        assertThat(leads.released).containsEntry(LeadId.of("1"), "preview-skipped");
        assertThat(leads.retryAt.get(LeadId.of("1"))).contains(clock.instant().plus(PreviewDesk.SKIP_RETRY));
        assertThat(floor.reserved).isEmpty();
        assertThat(placer.placed).isEmpty();
    }

    @Test
    void aPreviewNobodyChoseIsDialledWhenItsTimeIsUp() {
        directory.campaigns.add(campaign(DialMode.PREVIEW, 1.0));
        floor.ready.add(AgentId.of("a1"));
        leads.add(1);
        dialer.start();

        clock.advance(PreviewDesk.DEFAULT_TIMEOUT);
        runTimers();

        assertThat(placer.placed).extracting(Placed::agent).containsExactly(Optional.of(AgentId.of("a1")));
        assertThat(dialer.preview().dial(AgentId.of("a1")).toCompletableFuture().join())
                .isEqualTo(new PreviewDesk.Choice.NoOffer());
    }

    @Test
    void aPredictiveCampaignWhoseAbandonBudgetIsSpentDialsAgentFirstInsteadOfStopping() {
        directory.campaigns.add(campaign(DialMode.POWER, 3.0));
        floor.ready.addAll(List.of(AgentId.of("a1"), AgentId.of("a2")));
        leads.add(10);
        dialer.abandonBudget(settings -> true);

        dialer.start();

        assertThat(placer.placed).extracting(Placed::agent)
                .containsExactly(Optional.of(AgentId.of("a1")), Optional.of(AgentId.of("a2")));
        assertThat(gate.modes).containsOnly(DialMode.PROGRESSIVE);
    }

    @Test
    void theEndOfACallFinishesItsLead() {
        dialer.ended(SALES, LeadId.of("4"), CallId.of("pbx1/9"), DialResult.BUSY, Optional.empty(), clock.instant());

        assertThat(leads.finished).containsEntry(LeadId.of("4"), DialResult.BUSY);
    }

    private void runTimers() {
        List<Runnable> due = new ArrayList<>(timers);
        timers.clear();
        due.forEach(Runnable::run);
    }

    private static CampaignSettings campaign(DialMode mode, double ratio) {
        Campaign campaign = new Campaign(SALES, "Sales", mode, QueueId.of("outbound"), 2.0, CallingWindow.DEFAULT, 3);
        return new CampaignSettings(campaign, CampaignSettings.CampaignState.RUNNING, Jurisdiction.US, ratio,
                Duration.ofSeconds(25), CampaignSettings.MachineAction.HANGUP, Optional.empty(), Optional.empty(),
                Set.of(), List.of(), "US");
    }

    private static CampaignSettings agentless(int lines) {
        Campaign campaign = new Campaign(SALES, "Sales", DialMode.AGENTLESS, QueueId.of("outbound"), 2.0,
                CallingWindow.DEFAULT, 3);
        return new CampaignSettings(campaign, CampaignSettings.CampaignState.RUNNING, Jurisdiction.US, 1.0,
                Duration.ofSeconds(25), CampaignSettings.MachineAction.HANGUP, Optional.empty(), Optional.empty(),
                Set.of(), List.of(), "US", Optional.of(new Broadcast("custom/flu-clinic", lines, '9')));
    }

    private static final class MutableClock implements java.time.InstantSource {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static final class Directory implements CampaignDirectory {
        final List<CampaignSettings> campaigns = new ArrayList<>();

        @Override
        public CompletionStage<Optional<CampaignSettings>> find(CampaignId id) {
            return CompletableFuture.completedFuture(campaigns.stream().filter(c -> c.campaign().id().equals(id))
                    .findFirst());
        }

        @Override
        public CompletionStage<List<CampaignSettings>> running() {
            return CompletableFuture.completedFuture(List.copyOf(campaigns));
        }
    }

    private static final class Leads implements LeadQueue {
        final List<DueLead> due = new ArrayList<>();
        final Map<LeadId, String> released = new LinkedHashMap<>();
        final Map<LeadId, Optional<Instant>> retryAt = new LinkedHashMap<>();
        final Map<LeadId, DialResult> finished = new LinkedHashMap<>();

        void add(int count) {
            int first = due.size() + released.size() + 1;
            for (int i = first; i < first + count; i++) {
                due.add(new DueLead(LeadId.of(String.valueOf(i)), SALES, PhoneNumber.parse("+1202555" + (1000 + i),
                        "phone"), Optional.of(ZoneId.of("America/New_York")), Optional.of(ZoneSource.NUMBER), 0,
                        Optional.empty(), Optional.empty(), Map.of()));
            }
        }

        void addCallback(AgentId agent) {
            int id = due.size() + released.size() + 1;
            due.add(new DueLead(LeadId.of(String.valueOf(id)), SALES, PhoneNumber.parse("+12025559999", "phone"),
                    Optional.of(ZoneId.of("America/New_York")), Optional.of(ZoneSource.LEAD), 1, Optional.empty(),
                    Optional.of(agent), Map.of()));
        }

        @Override
        public CompletionStage<List<DueLead>> take(CampaignId campaign, int max, Instant now) {
            List<DueLead> taken = new ArrayList<>(due.subList(0, Math.min(max, due.size())));
            due.removeAll(taken);
            return CompletableFuture.completedFuture(taken);
        }

        @Override
        public CompletionStage<Void> release(LeadId lead, Optional<Instant> retry, String reason, Instant now) {
            released.put(lead, reason);
            retryAt.put(lead, retry);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> finish(LeadId lead, DialResult result, Instant at) {
            finished.put(lead, result);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletionStage<Void> dispose(LeadId lead, String disposition, Optional<Instant> callbackAt,
                                             Optional<AgentId> callbackAgent, Instant at) {
            return CompletableFuture.completedFuture(null);
        }
    }

    private static final class Gate implements DialGate {
        final Set<LeadId> skip = new LinkedHashSet<>();
        final Map<LeadId, Instant> deferUntil = new LinkedHashMap<>();
        final List<DialMode> modes = new ArrayList<>();

        @Override
        public CompletionStage<DialDecision> check(CampaignSettings campaign, DueLead lead, CallId call, Instant now) {
            modes.add(campaign.campaign().mode());
            if (skip.contains(lead.id())) {
                return CompletableFuture.completedFuture(new DialDecision.Skip("dnc", "internal"));
            }
            if (deferUntil.containsKey(lead.id())) {
                return CompletableFuture.completedFuture(
                        new DialDecision.Defer("outside-window", "21:00 in America/New_York", deferUntil.get(lead.id())));
            }
            return CompletableFuture.completedFuture(new DialDecision.Dial(Optional.empty(), lead.zone().orElseThrow(),
                    java.time.LocalDateTime.ofInstant(now, lead.zone().orElseThrow())));
        }
    }

    private record Placed(LeadId lead, CallId call, Optional<AgentId> agent) {
    }

    private static final class Placer implements CampaignCallPlacer {
        final List<Placed> placed = new ArrayList<>();
        final List<Placed> broadcasts = new ArrayList<>();
        int answered;
        int ended;
        boolean refuse;

        void ended(int calls) {
            ended += calls;
            answered -= calls;
        }

        @Override
        public CompletionStage<Placement> broadcast(CampaignSettings campaign, DueLead lead, CallId call,
                                                    Optional<PhoneNumber> callerId) {
            broadcasts.add(new Placed(lead.id(), call, Optional.empty()));
            return CompletableFuture.completedFuture(new Placement.Placed(call));
        }

        @Override
        public int inProgress(CampaignId campaign, Instant now) {
            return ringing(campaign, now).size() + waitingForAgent(campaign) + answered;
        }

        @Override
        public CompletionStage<Placement> place(CampaignSettings campaign, DueLead lead, CallId call,
                                                Optional<PhoneNumber> callerId, Optional<AgentId> agent) {
            if (refuse) {
                return CompletableFuture.completedFuture(new Placement.Refused("pbx-refused", "no"));
            }
            placed.add(new Placed(lead.id(), call, agent));
            return CompletableFuture.completedFuture(new Placement.Placed(call));
        }

        @Override
        public List<Duration> ringing(CampaignId campaign, Instant now) {
            List<Duration> rung = new ArrayList<>(placed.stream().filter(p -> p.agent().isEmpty())
                    .map(p -> Duration.ofSeconds(2)).toList());
            rung.addAll(java.util.Collections.nCopies(Math.max(0, broadcasts.size() - answered - ended),
                    Duration.ofSeconds(2)));
            return rung;
        }

        @Override
        public int waitingForAgent(CampaignId campaign) {
            return 0;
        }
    }

    private static final class Floor implements CampaignFloor {
        final List<AgentId> ready = new ArrayList<>();
        final List<AgentId> reserved = new ArrayList<>();
        final Set<AgentId> busy = new LinkedHashSet<>();
        int looked;

        @Override
        public CompletionStage<Agents> look(CampaignSettings campaign, Instant now) {
            looked++;
            List<AgentId> free = ready.stream().filter(a -> !reserved.contains(a)).toList();
            return CompletableFuture.completedFuture(new Agents(free, List.of(), List.of(),
                    ready.isEmpty() ? Optional.empty() : Optional.of(PBX)));
        }

        @Override
        public CompletionStage<Boolean> reserve(AgentId agent) {
            if (busy.contains(agent) || reserved.contains(agent)) {
                return CompletableFuture.completedFuture(false);
            }
            reserved.add(agent);
            return CompletableFuture.completedFuture(true);
        }

        @Override
        public void release(AgentId agent) {
            reserved.remove(agent);
        }
    }
}
