package io.switchboard.queue.routing;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Account owners in a map, answering at once unless a test holds the lookups back or makes them fail. */
final class FakeAccountOwners implements AccountOwners {

    final Map<PhoneNumber, AgentId> owners = new HashMap<>();
    final List<CompletableFuture<Optional<AgentId>>> heldLookups = new ArrayList<>();
    int lookups;
    private boolean hold;
    private boolean fail;

    /** The CRM record holding {@code caller} is owned by {@code agent}. */
    FakeAccountOwners owns(String agent, String caller) {
        owners.put(PhoneNumber.parse(caller, "caller"), AgentId.of(agent));
        return this;
    }

    /** Lookups do not complete until the test completes them through {@link #heldLookups}. */
    void holdLookups() {
        hold = true;
    }

    /** Lookups fail, as a CRM that is down. */
    void failLookups() {
        fail = true;
    }

    @Override
    public CompletionStage<Optional<AgentId>> ownerOf(PhoneNumber caller) {
        lookups++;
        if (fail) {
            return CompletableFuture.failedFuture(new IllegalStateException("CRM down"));
        }
        if (hold) {
            CompletableFuture<Optional<AgentId>> held = new CompletableFuture<>();
            heldLookups.add(held);
            return held;
        }
        return CompletableFuture.completedFuture(Optional.ofNullable(owners.get(caller)));
    }
}
