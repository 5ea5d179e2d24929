package io.switchboard.queue.routing;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The seam for the CRM account owner as a caller's preferred agent (issue 7): the CRM plugin finds the record
 * that holds the number and maps its owner (a CRM user) to a Switchboard agent. {@code CrmConnector.lookup}
 * returns a contact without an owner today, so nothing implements this yet; {@link PreferredAgents} will ask
 * it before {@link LastAgents} once a queue's rule can name it. Never blocks; a failed stage means "nobody",
 * as a CRM failure never fails routing.
 */
public interface AccountOwners {

    /** The agent who owns the CRM account holding {@code caller}, if the CRM knows one. */
    CompletionStage<Optional<AgentId>> ownerOf(PhoneNumber caller);
}
