package io.switchboard.queue.state;

import io.switchboard.core.agent.AgentState;
import io.switchboard.core.agent.AgentStatus;
import io.switchboard.core.agent.ReasonCode;

import java.time.Instant;
import java.util.Optional;

/**
 * An {@link AgentStatus} as the cluster stores it: plain fields only, so every
 * member can read it without knowing core's value types. Hazelcast writes it with
 * {@link StatusSerializers}, not Java serialization.
 */
record StoredStatus(String state, String reason, long sinceSeconds, int sinceNanos, long version) {

    static StoredStatus of(AgentStatus status) {
        Instant since = status.since();
        return new StoredStatus(status.state().name(), status.reason().map(ReasonCode::value).orElse(null),
                since.getEpochSecond(), since.getNano(), status.version());
    }

    AgentStatus toStatus() {
        return new AgentStatus(AgentState.valueOf(state), Optional.ofNullable(reason).map(ReasonCode::new),
                Instant.ofEpochSecond(sinceSeconds, sinceNanos), version);
    }
}
