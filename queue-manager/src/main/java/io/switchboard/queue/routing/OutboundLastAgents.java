package io.switchboard.queue.routing;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.CallId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * An {@link OutboundJournal} in front of another that also remembers, in {@link LastAgents}, the agent an
 * outbound call connected the customer to, so a customer who calls back after an agent called them goes to
 * that agent first where the queue's rule asks. It reads the entries {@link OutboundCalls} writes anyway
 * (dialled, connected, ended), so outbound routing needs no hook of its own. Called on the routing context.
 */
final class OutboundLastAgents implements OutboundJournal {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundLastAgents.class);

    private final OutboundJournal journal;
    private final LastAgents lastAgents;
    private final Map<CallId, PhoneNumber> dialled = new HashMap<>();

    OutboundLastAgents(OutboundJournal journal, LastAgents lastAgents) {
        this.journal = journal;
        this.lastAgents = lastAgents;
    }

    @Override
    public CompletionStage<Void> record(OutboundEntry entry) {
        if (entry instanceof OutboundEntry.Dialled d) {
            dialled.put(d.call(), d.to());
        } else if (entry instanceof OutboundEntry.Connected c && dialled.containsKey(c.call())) {
            lastAgents.spokeWith(dialled.remove(c.call()), c.agent()).whenComplete((done, failure) -> {
                if (failure != null) {
                    LOG.warn("event=last-agent-not-stored callId={} agentId={} reason={}", c.call(), c.agent(),
                            failure.toString());
                }
            });
        } else if (entry instanceof OutboundEntry.Ended e) {
            dialled.remove(e.call());
        }
        return journal.record(entry);
    }

    /** How many dialled calls wait for their connect or end. */
    int pending() {
        return dialled.size();
    }
}
