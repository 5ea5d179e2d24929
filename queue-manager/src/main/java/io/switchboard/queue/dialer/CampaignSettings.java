package io.switchboard.queue.dialer;

import io.switchboard.core.Require;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.dialer.Campaign;
import io.switchboard.core.dialer.DialMode;
import io.switchboard.core.dialer.Jurisdiction;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the dialer and its compliance gate need to know about one campaign, as stored (V1 and V13's
 * {@code campaigns}, {@code campaign_holidays}, {@code campaign_caller_ids}).
 *
 * @param campaign           id, name, mode, queue, abandon target (percent), calling window, max attempts
 * @param state              whether the campaign dials now
 * @param jurisdiction       whose rules it keeps; its abandon target never exceeds the jurisdiction's cap
 * @param dialRatio          calls per free agent in {@code POWER} mode, 1.0 to 10.0 (1.0 in other modes)
 * @param ringTimeout        how long a customer's phone rings before the dialer gives up; 15 s at least
 * @param machine            what the glue does when answering-machine detection says {@code MACHINE}
 * @param machineMessage     the sound file left on a machine when {@code machine} is {@code MESSAGE}
 * @param safeHarbourMessage the sound file a live answer hears when no agent takes it; the glue's default if empty
 * @param holidays           days the campaign does not call, in the callee's own calendar
 * @param callerIds          the numbers it may present (local presence picks by area code); empty: the trunk's
 * @param defaultRegion      the ISO 3166 region numbers without a country code are read in, e.g. {@code US}
 * @param broadcast          an agentless campaign's message, lines and opt-out digit: only for {@code AGENTLESS},
 *                           whose machine action is never {@code AGENT}; an agentless campaign without one (stored
 *                           before V14) is not dialled
 */
public record CampaignSettings(
        Campaign campaign,
        CampaignState state,
        Jurisdiction jurisdiction,
        double dialRatio,
        Duration ringTimeout,
        MachineAction machine,
        Optional<String> machineMessage,
        Optional<String> safeHarbourMessage,
        Set<LocalDate> holidays,
        List<PhoneNumber> callerIds,
        String defaultRegion,
        Optional<Broadcast> broadcast) {

    /** The shortest ring the rules allow before a no-answer may be given up on (Ofcom, FTC). */
    public static final Duration MIN_RING = Duration.ofSeconds(15);

    /** A campaign's lifecycle. */
    public enum CampaignState {
        /** Created, never started; dials nothing. */
        DRAFT,
        /** Started: the dialer places its calls while agents and leads allow. */
        RUNNING,
        /** Stopped by an operator; calls in progress finish, no new ones are placed. */
        PAUSED,
        /** Every lead is done; dials nothing. */
        COMPLETED
    }

    /** What happens to a call answering-machine detection says a machine answered. */
    public enum MachineAction {
        /** The glue hangs up at once. */
        HANGUP,
        /** The glue plays {@code machineMessage} to the machine, then hangs up. */
        MESSAGE,
        /** The call is treated as a live answer and given to an agent (who leaves the message). */
        AGENT
    }

    public CampaignSettings {
        Require.nonNull(campaign, "campaign");
        Require.nonNull(state, "state");
        Require.nonNull(jurisdiction, "jurisdiction");
        if (!(dialRatio >= 1.0 && dialRatio <= 10.0)) {
            throw new IllegalArgumentException("dialRatio must be between 1.0 and 10.0, was " + dialRatio);
        }
        if (campaign.abandonRateTarget() > jurisdiction.abandonCapPercent()) {
            throw new IllegalArgumentException("abandonRateTarget " + campaign.abandonRateTarget()
                    + " % is above the " + jurisdiction.slug() + " cap of " + jurisdiction.abandonCapPercent() + " %");
        }
        Require.nonNull(ringTimeout, "ringTimeout");
        if (ringTimeout.compareTo(MIN_RING) < 0) {
            throw new IllegalArgumentException("ringTimeout must be at least " + MIN_RING.toSeconds() + " s, was "
                    + ringTimeout.toSeconds() + " s");
        }
        Require.nonNull(machine, "machine");
        Require.nonNull(machineMessage, "machineMessage");
        Require.nonNull(safeHarbourMessage, "safeHarbourMessage");
        if (machine == MachineAction.MESSAGE && machineMessage.isEmpty()) {
            throw new IllegalArgumentException("machineMessage is required when machine is MESSAGE");
        }
        holidays = Set.copyOf(Require.nonNull(holidays, "holidays"));
        callerIds = List.copyOf(Require.nonNull(callerIds, "callerIds"));
        Require.nonBlank(defaultRegion, "defaultRegion");
        Require.nonNull(broadcast, "broadcast");
        boolean agentless = campaign.mode() == DialMode.AGENTLESS;
        if (!agentless && broadcast.isPresent()) {
            throw new IllegalArgumentException("broadcast is only for an agentless campaign, not " + campaign.mode());
        }
        if (agentless && machine == MachineAction.AGENT) {
            throw new IllegalArgumentException("machine AGENT needs agents; an agentless campaign has none");
        }
    }

    /** A campaign with agents (every mode but {@code AGENTLESS}): no broadcast. */
    public CampaignSettings(Campaign campaign, CampaignState state, Jurisdiction jurisdiction, double dialRatio,
                            Duration ringTimeout, MachineAction machine, Optional<String> machineMessage,
                            Optional<String> safeHarbourMessage, Set<LocalDate> holidays, List<PhoneNumber> callerIds,
                            String defaultRegion) {
        this(campaign, state, jurisdiction, dialRatio, ringTimeout, machine, machineMessage, safeHarbourMessage,
                holidays, callerIds, defaultRegion, Optional.empty());
    }

    /** The same campaign with {@code broadcast} (an agentless campaign's message, lines and opt-out digit). */
    public CampaignSettings withBroadcast(Optional<Broadcast> broadcast) {
        return new CampaignSettings(campaign, state, jurisdiction, dialRatio, ringTimeout, machine, machineMessage,
                safeHarbourMessage, holidays, callerIds, defaultRegion, broadcast);
    }
}
