package io.switchboard.queue.dialer;

import io.switchboard.core.Require;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.PbxId;
import io.switchboard.queue.routing.RoutingTimers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Preview dialling: the dialer reserves a free agent, takes one lead for them and offers it here; the agent reads
 * the lead and chooses to dial it or skip it. A dial goes through the compliance gate at that moment (not when the
 * lead was offered: the audit row's time is the dial's), with the agent named, so a preview call never abandons.
 * A skipped lead goes back to the list for {@link #SKIP_RETRY}. An offer nobody answers within its timeout is
 * dialled, as Genesys' and Five9's preview countdowns do: the agent is on an open line, and a desk left alone must
 * not hold leads back. One offer per agent. Runs on the routing context.
 */
public final class PreviewDesk {

    private static final Logger LOG = LoggerFactory.getLogger(PreviewDesk.class);

    /** How long an agent has to choose before the lead is dialled for them. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** How long a skipped lead waits before it may be offered again. */
    public static final Duration SKIP_RETRY = Duration.ofHours(1);

    /**
     * A lead shown to an agent.
     *
     * @param expiresAt when the lead is dialled unless the agent chose first
     */
    public record Offer(AgentId agent, CampaignSettings campaign, DueLead lead, Instant offeredAt, Instant expiresAt) {
        public Offer {
            Require.nonNull(agent, "agent");
            Require.nonNull(campaign, "campaign");
            Require.nonNull(lead, "lead");
            Require.nonNull(offeredAt, "offeredAt");
            Require.nonNull(expiresAt, "expiresAt");
        }
    }

    /** What became of an agent's choice. */
    public sealed interface Choice permits Choice.Dialled, Choice.NotDialled, Choice.NoOffer {

        /** The call was placed for the agent. */
        record Dialled() implements Choice {
        }

        /**
         * The lead went back to the list without a call: skipped by the agent, or refused by the gate or the PBX.
         *
         * @param reason {@code preview-skipped}, or the gate's reason slug, or the PBX's errorId
         */
        record NotDialled(String reason) implements Choice {
        }

        /** The agent has no lead offered (already chosen, or timed out and dialled). */
        record NoOffer() implements Choice {
        }
    }

    private record Pending(Offer offer, PbxId pbx) {
    }

    private final LeadDials dials;
    private final RoutingTimers timers;
    private final InstantSource clock;
    private final Duration timeout;
    private final Map<AgentId, Pending> offers = new HashMap<>();
    private volatile Consumer<Offer> offered = offer -> { };

    PreviewDesk(LeadDials dials, RoutingTimers timers, InstantSource clock, Duration timeout) {
        this.dials = dials;
        this.timers = timers;
        this.clock = clock;
        this.timeout = Require.positive(timeout, "timeout");
    }

    /** Shows {@code lead} to {@code agent}, who is reserved for it. */
    void offer(CampaignSettings campaign, PbxId pbx, DueLead lead, AgentId agent) {
        Instant now = clock.instant();
        Offer offer = new Offer(agent, campaign, lead, now, now.plus(timeout));
        offers.put(agent, new Pending(offer, pbx));
        LOG.info("event=preview-offered campaignId={} leadId={} agentId={} number={}", lead.campaign().value(),
                lead.id().value(), agent.value(), lead.number().masked());
        try {
            offered.accept(offer);
        } catch (RuntimeException e) {
            LOG.warn("event=preview-listener-failed agentId={} reason={}", agent.value(), e.toString());
        }
        timers.schedule(timeout, () -> {
            Pending still = offers.get(agent);
            if (still != null && still.offer() == offer) {
                LOG.info("event=preview-timed-out campaignId={} leadId={} agentId={}", lead.campaign().value(),
                        lead.id().value(), agent.value());
                dial(agent);
            }
        });
    }

    /**
     * Tells {@code listener} of every offer as it is made, on the routing context (the agent desk's
     * {@code preview-offered}); replaces an earlier listener. It must return at once.
     */
    public void onOffer(Consumer<Offer> listener) {
        this.offered = Require.nonNull(listener, "listener");
    }

    /** The lead offered to {@code agent} now, if any. */
    public Optional<Offer> offerFor(AgentId agent) {
        return Optional.ofNullable(offers.get(agent)).map(Pending::offer);
    }

    /** Every offer waiting for its agent's choice. */
    public List<Offer> offers() {
        return offers.values().stream().map(Pending::offer).toList();
    }

    /** The agent chose to dial the lead offered to them. */
    public CompletionStage<Choice> dial(AgentId agent) {
        Pending pending = offers.remove(agent);
        if (pending == null) {
            return CompletableFuture.completedFuture(new Choice.NoOffer());
        }
        Offer offer = pending.offer();
        return dials.dial(offer.campaign(), pending.pbx(), offer.lead(), Optional.of(agent), clock.instant())
                .thenApply(givenBack -> givenBack.<Choice>map(Choice.NotDialled::new).orElseGet(Choice.Dialled::new));
    }

    /** The agent chose not to call the lead offered to them: it goes back to the list, the agent is free again. */
    public CompletionStage<Choice> skip(AgentId agent) {
        Pending pending = offers.remove(agent);
        if (pending == null) {
            return CompletableFuture.completedFuture(new Choice.NoOffer());
        }
        Instant now = clock.instant();
        CompletableFuture<Optional<String>> done = new CompletableFuture<>();
        dials.giveBack(pending.offer().lead(), Optional.of(agent), Optional.of(now.plus(SKIP_RETRY)),
                "preview-skipped", now, done);
        return done.thenApply(reason -> new Choice.NotDialled("preview-skipped"));
    }
}
