package io.switchboard.queue.dialer;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.TaskId;
import io.switchboard.queue.routing.OutboundOutcome;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a campaign call hands the outbound glue (dialplan/README.md), and the call record's end reason for each
 * {@link DialResult}. The connect wait is the glue's own default (2 s, the rule the jurisdictions share): its unit
 * differs between the PBXs (Asterisk seconds, FreeSWITCH milliseconds), so it is not sent.
 */
final class CampaignVariables {

    private CampaignVariables() {
    }

    /**
     * {@code SWITCHBOARD_CAMPAIGN}, {@code SWITCHBOARD_LEAD}, {@code SWITCHBOARD_TASK}, the machine action and
     * message, the safe-harbour message, and {@code SWITCHBOARD_AGENT} only for an agent reserved before the dial
     * (the glue then joins that agent; without it the glue waits for Switchboard's choice); for an agentless
     * campaign {@code SWITCHBOARD_BROADCAST} and {@code SWITCHBOARD_OPT_OUT_DIGIT}, which send a live answer to the
     * glue's broadcast branch instead.
     */
    static Map<String, String> of(CampaignSettings campaign, DueLead lead, TaskId task, Optional<AgentId> agent) {
        Map<String, String> variables = new HashMap<>();
        variables.put("SWITCHBOARD_CAMPAIGN", campaign.campaign().id().value());
        variables.put("SWITCHBOARD_LEAD", lead.id().value());
        variables.put("SWITCHBOARD_TASK", task.value());
        variables.put("SWITCHBOARD_MACHINE_ACTION", campaign.machine().name().toLowerCase(Locale.ROOT));
        campaign.machineMessage().ifPresent(m -> variables.put("SWITCHBOARD_MACHINE_MESSAGE", m));
        campaign.safeHarbourMessage().ifPresent(m -> variables.put("SWITCHBOARD_SAFE_HARBOUR", m));
        agent.ifPresent(a -> variables.put("SWITCHBOARD_AGENT", a.value()));
        campaign.broadcast().ifPresent(b -> {
            variables.put("SWITCHBOARD_BROADCAST", b.message());
            variables.put("SWITCHBOARD_OPT_OUT_DIGIT", String.valueOf(b.optOutDigit()));
        });
        return variables;
    }

    /** The call record's end reason ({@code calls.end_reason}) for a campaign call's result. */
    static OutboundOutcome outcomeOf(DialResult result) {
        return switch (result) {
            case CONNECTED -> OutboundOutcome.COMPLETED;
            case ABANDONED -> OutboundOutcome.ABANDONED;
            case MACHINE -> OutboundOutcome.MACHINE;
            case MACHINE_MESSAGE -> OutboundOutcome.MACHINE_MESSAGE;
            case NO_ANSWER -> OutboundOutcome.NO_ANSWER;
            case BUSY -> OutboundOutcome.BUSY;
            case FAILED -> OutboundOutcome.FAILED;
            case BROADCAST, OPTED_OUT -> OutboundOutcome.COMPLETED;
        };
    }
}
