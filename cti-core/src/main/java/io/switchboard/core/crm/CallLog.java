package io.switchboard.core.crm;

import io.switchboard.core.Require;
import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One call as written to a CRM's activity history: a Salesforce {@code Task} (TaskSubtype Call), a HubSpot call
 * engagement, a Zendesk call record (and a ticket when it was missed or left a voicemail).
 *
 * <p>A call handled by two agents (a transfer) gives one log per agent; a missed call gives one log without an
 * agent. {@link #idempotencyKey()} tells them apart, and a connector must never create a second record for a
 * key it has already logged: the durable outbox retries a log whose answer was lost.
 *
 * @param call        the call
 * @param contact     the CRM record it belongs to, when the lookup found exactly one
 * @param agent       the agent who handled it; empty for a missed call
 * @param customer    the customer's number; empty when withheld
 * @param ourNumber   the contact center's number: the DID dialled in, or the caller id shown outbound
 * @param direction   which way the call went
 * @param outcome     how it ended
 * @param started     when the call began (offered, or placed)
 * @param talkTime    how long the agent and customer talked (0 or more)
 * @param disposition the outcome the agent chose in wrap-up, if any
 * @param notes       what the agent wrote in wrap-up, if anything
 * @param recording   where the call's recording can be fetched, if it was recorded
 * @param queue       the queue or campaign it came through, if any
 */
public record CallLog(
        CallId call,
        Optional<ContactMatch> contact,
        Optional<AgentId> agent,
        Optional<PhoneNumber> customer,
        Optional<PhoneNumber> ourNumber,
        CallDirection direction,
        CallOutcome outcome,
        Instant started,
        Duration talkTime,
        Optional<String> disposition,
        Optional<String> notes,
        Optional<URI> recording,
        Optional<String> queue) {

    public CallLog {
        Require.nonNull(call, "call");
        Require.nonNull(contact, "contact");
        Require.nonNull(agent, "agent");
        Require.nonNull(customer, "customer");
        Require.nonNull(ourNumber, "ourNumber");
        Require.nonNull(direction, "direction");
        Require.nonNull(outcome, "outcome");
        Require.nonNull(started, "started");
        Require.nonNegative(talkTime, "talkTime");
        Require.nonNull(disposition, "disposition");
        Require.nonNull(notes, "notes");
        Require.nonNull(recording, "recording");
        Require.nonNull(queue, "queue");
    }

    /**
     * The key a CRM record is created under, at most once: the call id and the agent
     * ({@code c-123:agent-7}), or {@code c-123:-} for a call no agent took.
     */
    public String idempotencyKey() {
        return call.value() + ":" + agent.map(AgentId::value).orElse("-");
    }
}
