package io.switchboard.queue.dialer;

import io.switchboard.core.dialer.Campaign;
import io.switchboard.core.dialer.DialMode;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.CampaignId;
import io.switchboard.core.id.LeadId;
import io.switchboard.core.id.PbxId;
import io.switchboard.queue.dialer.pacing.Pacer;
import io.switchboard.queue.dialer.pacing.Pacers;
import io.switchboard.queue.dialer.pacing.PacingInput;
import io.switchboard.queue.routing.RoutingTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The dialer loop. Once a {@link #TICK} (and at once when an agent becomes free, {@link #agentFreed}), for each
 * running campaign: look at its agents ({@link CampaignFloor}), ask its {@link Pacer} how many calls to place,
 * take that many due leads ({@link LeadQueue}), pass each through the {@link DialGate}, and place the calls it
 * allows ({@link CampaignCallPlacer}); leads the gate defers or skips go back to the queue with its reason.
 * Progressive campaigns reserve one agent per call before dialling; preview ones reserve the agent too and offer
 * them the lead ({@link PreviewDesk}) instead of dialling it; power and predictive ones dial without an agent and
 * the placer gives each live answer to whichever agent is free then; agentless ones look at no agent at all, keep
 * their lines full and place broadcasts ({@link CampaignCallPlacer#broadcast}) on the {@link #broadcastPbx}.
 *
 * <p>One pass per campaign at a time: a pass that is still waiting on the database or the PBX is not started
 * again, so a slow dependency slows the dialer down rather than piling calls up. Every method runs on the routing
 * context; the stages of the ports continue there.
 */
public final class CampaignDialer implements CampaignCallEnded {

    private static final Logger LOG = LoggerFactory.getLogger(CampaignDialer.class);

    /** How often every running campaign is paced, at least. */
    public static final Duration TICK = Duration.ofSeconds(1);
    /** How often the list of running campaigns is read again. */
    public static final Duration REFRESH = Duration.ofSeconds(5);
    /** The most calls one pass places, so one decision never floods the PBX. */
    public static final int MAX_CALLS_PER_PASS = 50;
    /** How long a callback scheduled for one agent waits when that agent is not free. */
    public static final Duration CALLBACK_AGENT_RETRY = Duration.ofMinutes(1);
    /** How long a lead waits before it is tried again after the PBX refused its call. */
    public static final Duration PBX_REFUSED_RETRY = Duration.ofMinutes(1);

    private final CampaignDirectory directory;
    private final LeadQueue leads;
    private final CampaignCallPlacer placer;
    private final CampaignFloor floor;
    private final Function<CampaignSettings, Pacer> pacers;
    private final RoutingTimers timers;
    private final InstantSource clock;
    private final Executor context;
    private final LeadDials dials;
    private final PreviewDesk preview;
    private final Map<CampaignId, Running> running = new HashMap<>();
    private Instant refreshedAt = Instant.MIN;
    private boolean refreshing;
    private boolean started;
    private Predicate<CampaignSettings> budgetSpent = campaign -> false;
    private Supplier<Optional<PbxId>> broadcastPbx = Optional::empty;
    private BooleanSupplier dialsHere = () -> true;

    /** A running campaign: its settings as last read, its pacer (which keeps its figures), and its pass. */
    private static final class Running {
        CampaignSettings settings;
        Pacer pacer;
        boolean passing;
        boolean again;
        boolean agentFirst;

        Running(CampaignSettings settings, Pacer pacer) {
            this.settings = settings;
            this.pacer = pacer;
        }
    }

    /**
     * @param pacers     makes the pacer of a campaign the first time it is seen running; it is kept while the
     *                   campaign runs, so a predictive pacer keeps what it learnt
     * @param newCallIds gives the id of a new call on a PBX
     */
    public CampaignDialer(CampaignDirectory directory, LeadQueue leads, DialGate gate, CampaignCallPlacer placer,
                          CampaignFloor floor, Function<CampaignSettings, Pacer> pacers,
                          Function<PbxId, CallId> newCallIds, RoutingTimers timers, InstantSource clock,
                          Executor context) {
        this.directory = directory;
        this.leads = leads;
        this.placer = placer;
        this.floor = floor;
        this.pacers = pacers;
        this.timers = timers;
        this.clock = clock;
        this.context = context;
        this.dials = new LeadDials(leads, gate, placer, floor, newCallIds, clock, context);
        this.preview = new PreviewDesk(dials, timers, clock, PreviewDesk.DEFAULT_TIMEOUT);
    }

    /** The leads offered to agents of preview campaigns, and their choices. */
    public PreviewDesk preview() {
        return preview;
    }

    /**
     * How to tell that a campaign's abandon budget is spent (its rate at its jurisdiction's cap). While it is, a
     * power or predictive campaign is dialled agent-first, as a progressive one, rather than not at all: a pause
     * would never bring the rate down, connected calls do. Never spent until set.
     */
    public void abandonBudget(Predicate<CampaignSettings> spent) {
        this.budgetSpent = spent;
    }

    /**
     * Where agentless campaigns' calls go: there are no agents' lines to say which PBX. None (agentless campaigns
     * place nothing) until set.
     */
    public void broadcastPbx(Supplier<Optional<PbxId>> pbx) {
        this.broadcastPbx = pbx;
    }

    /**
     * In a cluster, only the node that owns the PBX campaigns dial through paces them (docs/cluster.md): while
     * {@code dialsHere} is false this loop keeps its campaigns and pacers but places no call.
     */
    public void dialOnlyWhile(BooleanSupplier dialsHere) {
        this.dialsHere = dialsHere;
    }

    /** Starts the ticks. Called once, on the routing context. */
    public void start() {
        if (started) {
            return;
        }
        started = true;
        tick();
    }

    /** The campaigns dialling now, as last read. */
    public List<CampaignId> runningCampaigns() {
        return List.copyOf(running.keySet());
    }

    /** An agent became free: pace every running campaign now rather than at the next tick. */
    public void agentFreed(AgentId agent) {
        if (dialsHere.getAsBoolean()) {
            running.values().forEach(this::pass);
        }
    }

    @Override
    public void ended(CampaignId campaign, LeadId lead, CallId call, DialResult result, Optional<AgentId> agent,
                      Instant at) {
        continueOn(leads.finish(lead, result, at), done -> { }, failure -> LOG.warn(
                "event=lead-finish-failed campaignId={} leadId={} result={} reason={}", campaign.value(), lead.value(),
                result.slug(), failure.toString()));
    }

    private void tick() {
        Instant now = clock.instant();
        if (!refreshing && !now.isBefore(refreshedAt.plus(REFRESH))) {
            refresh(now);
        }
        if (dialsHere.getAsBoolean()) {
            running.values().forEach(this::pass);
        }
        timers.schedule(TICK, this::tick);
    }

    private void refresh(Instant now) {
        refreshing = true;
        continueOn(directory.running(), campaigns -> {
            refreshing = false;
            refreshedAt = now;
            Map<CampaignId, CampaignSettings> seen = new HashMap<>();
            campaigns.forEach(c -> seen.put(c.campaign().id(), c));
            running.keySet().removeIf(id -> {
                boolean gone = !seen.containsKey(id) || !dials(seen.get(id));
                if (gone) {
                    LOG.info("event=campaign-stopped campaignId={}", id.value());
                }
                return gone;
            });
            seen.forEach((id, settings) -> {
                Running known = running.get(id);
                if (known == null && !dials(settings)) {
                    LOG.warn("event=campaign-mode-not-dialled campaignId={} mode={}", id.value(),
                            settings.campaign().mode());
                } else if (known == null) {
                    LOG.info("event=campaign-dialling campaignId={} mode={}", id.value(), settings.campaign().mode());
                    running.put(id, new Running(settings, pacers.apply(settings)));
                } else {
                    if (!known.settings.broadcast().equals(settings.broadcast())) {
                        known.pacer = pacers.apply(settings); // an agentless campaign's lines changed
                    }
                    known.settings = settings;
                }
            });
        }, failure -> {
            refreshing = false;
            refreshedAt = now;
            LOG.warn("event=campaigns-read-failed reason={}", failure.toString());
        });
    }

    private void pass(Running campaign) {
        if (campaign.passing) {
            campaign.again = true;
            return;
        }
        campaign.passing = true;
        campaign.again = false;
        Instant now = clock.instant();
        if (campaign.settings.broadcast().isPresent()) {
            broadcastPass(campaign, now);
            return;
        }
        boolean agentFirst = campaign.settings.campaign().mode().canAbandon() && budgetSpent.test(campaign.settings);
        if (agentFirst != campaign.agentFirst) {
            campaign.agentFirst = agentFirst;
            LOG.info("event=campaign-abandon-budget campaignId={} spent={} dialling={}",
                    campaign.settings.campaign().id().value(), agentFirst, agentFirst ? "agent-first" : "as set");
        }
        CampaignSettings settings = agentFirst ? asProgressive(campaign.settings) : campaign.settings;
        Pacer pacer = agentFirst ? Pacers.progressive() : campaign.pacer;
        continueOn(floor.look(settings, now), agents -> {
            CampaignId id = settings.campaign().id();
            PacingInput input = new PacingInput(now, agents.ready().size(), agents.talking(), agents.wrapping(),
                    placer.ringing(id, now), placer.waitingForAgent(id));
            int calls = Math.min(MAX_CALLS_PER_PASS, pacer.callsToPlace(input));
            if (calls <= 0 || agents.pbx().isEmpty() || !running.containsKey(id)) {
                passed(campaign);
            } else if (settings.campaign().mode().reservesAgentFirst()) {
                reserveThenDial(campaign, settings, agents.pbx().get(), agents.ready().subList(0,
                        Math.min(calls, agents.ready().size())), now);
            } else {
                dial(campaign, settings, agents.pbx().get(), calls, List.of(), now);
            }
        }, failure -> {
            LOG.warn("event=campaign-pass-failed campaignId={} reason={}", settings.campaign().id().value(),
                    failure.toString());
            passed(campaign);
        });
    }

    /**
     * An agentless campaign's pass: no agent is looked at or reserved; its pacer keeps its lines full, counting
     * every call it has up (ringing, or answered and hearing the broadcast, passed as waiting), and the calls go
     * to the {@link #broadcastPbx} through the same take, gate and placer as every campaign's.
     */
    private void broadcastPass(Running campaign, Instant now) {
        CampaignSettings settings = campaign.settings;
        CampaignId id = settings.campaign().id();
        List<Duration> ringing = placer.ringing(id, now);
        int listening = Math.max(0, placer.inProgress(id, now) - ringing.size());
        int calls = Math.min(MAX_CALLS_PER_PASS,
                campaign.pacer.callsToPlace(new PacingInput(now, 0, List.of(), List.of(), ringing, listening)));
        Optional<PbxId> pbx = broadcastPbx.get();
        if (calls <= 0 || pbx.isEmpty()) {
            passed(campaign);
        } else {
            dial(campaign, settings, pbx.get(), calls, List.of(), now);
        }
    }

    /**
     * The campaign as a progressive one: its calls are placed for an agent reserved first, so none can be
     * abandoned, and the gate's abandon-budget and 72-hour rules, which only hold calls that could be, let them
     * through. Connected calls then add live answers and bring the rate back under the cap.
     */
    private static CampaignSettings asProgressive(CampaignSettings settings) {
        Campaign c = settings.campaign();
        return new CampaignSettings(new Campaign(c.id(), c.name(), DialMode.PROGRESSIVE, c.queue(),
                c.abandonRateTarget(), c.callingWindow(), c.maxAttempts()), settings.state(), settings.jurisdiction(),
                1.0, settings.ringTimeout(), settings.machine(), settings.machineMessage(),
                settings.safeHarbourMessage(), settings.holidays(), settings.callerIds(), settings.defaultRegion());
    }

    private void reserveThenDial(Running campaign, CampaignSettings settings, PbxId pbx, List<AgentId> candidates,
                                 Instant now) {
        List<AgentId> reserved = new ArrayList<>();
        CompletableFuture<Void> all = CompletableFuture.completedFuture(null);
        for (AgentId agent : candidates) {
            all = all.thenCompose(x -> floor.reserve(agent).thenAccept(ok -> {
                if (ok) {
                    synchronized (reserved) {
                        reserved.add(agent);
                    }
                }
            }));
        }
        continueOn(all, x -> {
            if (reserved.isEmpty()) {
                passed(campaign);
            } else {
                dial(campaign, settings, pbx, reserved.size(), reserved, now);
            }
        }, failure -> {
            reserved.forEach(floor::release);
            passed(campaign);
        });
    }

    /** Takes up to {@code calls} leads and dials those the gate allows; {@code agents}, when given, one per call. */
    private void dial(Running campaign, CampaignSettings settings, PbxId pbx, int calls, List<AgentId> agents,
                      Instant now) {
        continueOn(leads.take(settings.campaign().id(), calls, now), taken -> {
            agents.subList(Math.min(taken.size(), agents.size()), agents.size()).forEach(floor::release);
            List<CompletableFuture<Optional<String>>> each = new ArrayList<>();
            for (int i = 0; i < taken.size(); i++) {
                Optional<AgentId> agent = i < agents.size() ? Optional.of(agents.get(i)) : Optional.empty();
                DueLead lead = taken.get(i);
                if (settings.campaign().mode() == DialMode.PREVIEW && agent.isPresent()
                        && lead.callbackAgent().filter(owner -> !owner.equals(agent.get())).isEmpty()) {
                    preview.offer(settings, pbx, lead, agent.get());
                } else {
                    each.add(dials.dial(settings, pbx, lead, agent, now));
                }
            }
            continueOn(CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)), x -> passed(campaign),
                    failure -> passed(campaign));
        }, failure -> {
            agents.forEach(floor::release);
            LOG.warn("event=leads-take-failed campaignId={} reason={}", settings.campaign().id().value(),
                    failure.toString());
            passed(campaign);
        });
    }

    private void passed(Running campaign) {
        campaign.passing = false;
        if (campaign.again && running.containsValue(campaign)) {
            pass(campaign);
        }
    }

    private <T> void continueOn(CompletionStage<T> stage, Consumer<T> then, Consumer<Throwable> failed) {
        OnContext.then(stage, context, then, failed);
    }

    /**
     * Whether this loop dials the campaign: every mode, but an agentless campaign only with its broadcast (one
     * stored before V14 has none, and is logged and left alone).
     */
    static boolean dials(CampaignSettings settings) {
        return settings.campaign().mode() != DialMode.AGENTLESS || settings.broadcast().isPresent();
    }
}
