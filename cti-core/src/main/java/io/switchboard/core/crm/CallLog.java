package io.switchboard.core.crm;

import io.switchboard.core.Require;
import io.switchboard.core.call.CallDirection;
import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One call as written to a CRM's activity history.
 *
 * @param call        the call
 * @param contactId   the CRM contact it belongs to, when the lookup found one
 * @param agent       the agent who handled it
 * @param customer    the customer's number; empty when withheld
 * @param direction   which way the call went
 * @param started     when the call began
 * @param talkTime    how long the agent and customer talked (0 or more)
 * @param disposition the outcome the agent chose in wrap-up, if any
 */
public record CallLog(
        CallId call,
        Optional<String> contactId,
        AgentId agent,
        Optional<PhoneNumber> customer,
        CallDirection direction,
        Instant started,
        Duration talkTime,
        Optional<String> disposition) {

    public CallLog {
        Require.nonNull(call, "call");
        Require.nonNull(contactId, "contactId");
        Require.nonNull(agent, "agent");
        Require.nonNull(customer, "customer");
        Require.nonNull(direction, "direction");
        Require.nonNull(started, "started");
        Require.nonNegative(talkTime, "talkTime");
        Require.nonNull(disposition, "disposition");
    }
}
