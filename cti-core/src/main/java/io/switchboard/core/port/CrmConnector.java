package io.switchboard.core.port;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.ContactMatch;
import io.switchboard.core.crm.CrmLogResult;
import io.switchboard.core.crm.CrmLookup;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One CRM (Salesforce, HubSpot, Zendesk): finds the caller, pops the record where the CRM can do it from the
 * server, and records the call.
 *
 * <p>Implementations never block the caller's thread, retry what is worth retrying (401 once after a token
 * refresh, 429 after its Retry-After, 5xx and timeouts with backoff and jitter) behind a circuit breaker, and
 * complete every stage normally: a failure is a {@link CrmLookup.Unavailable} or a retryable
 * {@link CrmLogResult.NotLogged}, never an exceptional stage. A CRM failure never fails routing.
 */
public interface CrmConnector {

    /** The connector's name in config and logs: {@code salesforce}, {@code hubspot}, {@code zendesk}. */
    String name();

    /** The records that hold {@code number}. */
    CompletionStage<CrmLookup> lookup(PhoneNumber number);

    /**
     * Writes the call to the CRM's activity history, at most once per {@link CallLog#idempotencyKey()}: when a
     * record for the key exists already (an earlier attempt whose answer was lost), it answers
     * {@link CrmLogResult.Logged} with that record's id and creates nothing.
     */
    CompletionStage<CrmLogResult> logCall(CallLog log);

    /**
     * Opens {@code record} in the agent's browser from the server, where the CRM offers that (Zendesk Talk's
     * display endpoints). Answers {@code false} when this CRM pops in the browser instead (Salesforce Open CTI,
     * HubSpot's Calling Extensions SDK) or the pop failed.
     *
     * @param crmUserId the agent's user id in this CRM
     * @param record    what to open
     */
    default CompletionStage<Boolean> popServerSide(String crmUserId, ContactMatch record) {
        return CompletableFuture.completedFuture(false);
    }

    /**
     * Where the connector's circuit breaker is, for {@code /status}: {@code closed} (calls flow), {@code open} (the
     * CRM failed again and again; calls are refused at once until a trial) or {@code half-open} (a trial call is
     * under way); empty for a connector without one.
     */
    default Optional<String> circuitState() {
        return Optional.empty();
    }
}
