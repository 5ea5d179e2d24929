package io.switchboard.queue.dialer;

import io.switchboard.core.id.CallId;

import java.time.Instant;
import java.util.concurrent.CompletionStage;

/**
 * The compliance check before every dial: DNC (internal, campaign, imported lists), attempt limits, the
 * callee's calling window and holidays in their own time zone, no redial within 72 h of an abandon, and the
 * campaign's abandon budget under its jurisdiction. Writes one {@code dial_audit} row per decision, with the
 * facts it used, before the stage completes: a dial the audit could not record is not made.
 */
public interface DialGate {

    /**
     * Decides whether {@code lead} may be dialled at {@code now}.
     *
     * @param call the id the call will have if it is dialled, recorded in the audit row
     */
    CompletionStage<DialDecision> check(CampaignSettings campaign, DueLead lead, CallId call, Instant now);
}
