package io.switchboard.queue.routing;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.id.QueueId;
import io.switchboard.core.id.TaskId;
import io.switchboard.core.routing.Task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The essentials of one inbound call in flight, as its PBX's owner keeps them in the cluster ({@link
 * CallsInFlight}) so that the next owner carries the call on where the last one stopped: who waits where since
 * when, which agents are being rung, who talks since when. Immutable.
 *
 * @param pbx              the PBX the call is on
 * @param callerLeg        the caller's leg, by which the next owner's resync tells whether the caller is still there
 * @param created          when the router first saw the call, on the server's clock (the workflow's start)
 * @param enteredAt        when the call entered the queue, on the PBX's clock (queue_log's times)
 * @param pbxAhead         how far the PBX's clock was ahead of the server's when the call was offered
 * @param originalPosition the position the caller entered at (queue_log's {@code ENTERQUEUE}, {@code ABANDON})
 * @param legs             how many agent legs the call has had, so that the next owner names new ones afresh
 * @param offers           the agents being rung (one, or several for ring-all), or the agent talking
 * @param connectedAt      when the agent answered, on the PBX's clock; empty while the caller waits or rings
 */
public record HeldCall(CallId call, PbxId pbx, LegId callerLeg, QueueId queue, TaskId task,
                       Optional<PhoneNumber> caller, int priority, Instant created, Instant enteredAt,
                       Duration pbxAhead, int originalPosition, int legs, List<Offer> offers,
                       Optional<Instant> connectedAt) {

    /** One agent rung for the call (or talking on it): see {@code RoutedCall.Offer}. */
    public record Offer(AgentId agent, LegId leg, LegId recorded, Instant since) {

        /** Rejects missing values. */
        public Offer {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(leg, "leg");
            Objects.requireNonNull(recorded, "recorded");
            Objects.requireNonNull(since, "since");
        }
    }

    /** Rejects missing values and a connected call without exactly one agent. */
    public HeldCall {
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(pbx, "pbx");
        Objects.requireNonNull(callerLeg, "callerLeg");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(enteredAt, "enteredAt");
        Objects.requireNonNull(pbxAhead, "pbxAhead");
        offers = List.copyOf(Objects.requireNonNull(offers, "offers"));
        Objects.requireNonNull(connectedAt, "connectedAt");
        if (connectedAt.isPresent() && offers.size() != 1) {
            throw new IllegalArgumentException("offers of a connected call must hold its one agent, held "
                    + offers.size());
        }
    }

    /** What the router knows of {@code call} now. */
    static HeldCall of(RoutedCall call) {
        List<Offer> offers = call.round.filter(round -> !round.over && call.connectedAt.isEmpty())
                .map(round -> round.ringing.values().stream().map(HeldCall::offer).toList())
                .filter(list -> !list.isEmpty())
                .orElseGet(() -> call.offer.map(HeldCall::offer).stream().toList());
        return new HeldCall(call.id(), call.pbx, call.callerLeg, call.queue.id(), call.task.id(),
                call.task.customer(), call.task.priority(), call.task.created(), call.enteredAt, call.pbxAhead,
                call.originalPosition, call.legs, offers, call.connectedAt);
    }

    /**
     * The router's call for this one, with its single offer (a ring-all round's legs are not carried over: the
     * handover frees their agents) and its task still pending: the handover moves it on.
     */
    RoutedCall routed() {
        Task restored = Task.inboundCall(task, call, caller, queue, priority, created, Map.of());
        RoutedCall routed = new RoutedCall(pbx, callerLeg, KnownQueues.defaults(queue), restored, originalPosition);
        routed.enteredAt = enteredAt;
        routed.pbxAhead = pbxAhead;
        routed.legs = legs;
        routed.connectedAt = connectedAt;
        if (offers.size() == 1) {
            Offer only = offers.get(0);
            routed.offer = Optional.of(new RoutedCall.Offer(only.agent(), only.leg(), only.recorded(), only.since()));
        }
        return routed;
    }

    private static Offer offer(RoutedCall.Offer offer) {
        return new Offer(offer.agent(), offer.leg(), offer.recorded(), offer.since());
    }
}
