package io.switchboard.queue.routing;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The CRM account owner as a caller's preferred agent: the CRM plugins find the record that holds the number and
 * map its owner (a CRM user) to a Switchboard agent (cti-server's {@code CrmAccountOwners}). {@link PreferredAgents}
 * asks it, beside {@link LastAgents}, for queues whose rule has {@code accountOwner}, and waits at most the
 * rule's {@code ownerWait}. Never blocks; a failed stage means "nobody", as a CRM failure never fails routing.
 */
public interface AccountOwners {

    /** The agent who owns the CRM account holding {@code caller}, if the CRM knows one. */
    CompletionStage<Optional<AgentId>> ownerOf(PhoneNumber caller);
}
