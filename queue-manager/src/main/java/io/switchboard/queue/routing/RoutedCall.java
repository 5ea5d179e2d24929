package io.switchboard.queue.routing;

import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.core.id.PbxId;
import io.switchboard.core.routing.PreferredAgent;
import io.switchboard.core.routing.Task;
import io.switchboard.core.routing.TaskQueue;
import io.switchboard.core.routing.TaskStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What the router knows about one inbound call it routes. Mutable, and touched only on the router's
 * context, never shared.
 */
final class RoutedCall {

    /**
     * The agent leg Switchboard asked the PBX to ring (or, for a nailed-up agent, the session leg the call is
     * joined to), and for whom. {@code recorded} is the leg's id in the call record: the same as {@code leg}
     * for a ring, one of the call's own for a join (the session leg serves many calls).
     */
    record Offer(AgentId agent, LegId leg, LegId recorded, Instant since) {
    }

    final PbxId pbx;
    /** The caller's leg; for a queued callback, the customer's leg of the new call once they answered. */
    LegId callerLeg;
    TaskQueue queue;
    final int originalPosition;
    final Set<AgentId> tried = new HashSet<>();
    Task task;
    Optional<Offer> offer = Optional.empty();
    Optional<Instant> connectedAt = Optional.empty();
    /** When the connected agent's leg hung up first; the call's record waits briefly for a transfer. */
    Optional<Instant> agentGoneAt = Optional.empty();
    boolean onHold = true;
    boolean deciding;
    /**
     * The store's answer to keeping the call as entered ({@link InboundCalls#write}): not decided before it is kept,
     * never by this node if it could not be kept (no quorum: the PBX's next owner finds the caller waiting).
     */
    CompletableFuture<Void> entryKept = CompletableFuture.completedFuture(null);
    /** Whether a decision waits for {@link #entryKept}. */
    boolean awaitingEntryKept;
    /** When a timer will decide again for this call, if one is set. */
    Optional<Instant> recheckAt = Optional.empty();
    int legs;
    /** The legs ringing for this call when several agents ring at once ({@link RingMany}); empty otherwise. */
    Optional<RingRound> round = Optional.empty();
    /** The queued callback the caller asked for, if any ({@link QueuedCallbacks}). */
    Optional<CallbackRequest> callback = Optional.empty();
    /** Whether the PBX refused to confirm a callback a queue exit chose: that exit hangs up instead from then on. */
    boolean callBackRefused;
    /** The agent the call goes to first, set before its first decision ({@link PreferredAgents}). */
    Optional<PreferredAgent> preferred = Optional.empty();
    /**
     * When the call entered the queue by the PBX's clock: queue_log rows carry the PBX's time, and their hold
     * times are measured between PBX times. The workflow is timed from {@link Task#created()}, the server's
     * time when the router saw the call.
     */
    Instant enteredAt;
    /** How far the PBX's clock was ahead of the server's when the call was offered (negative when behind). */
    Duration pbxAhead = Duration.ZERO;

    RoutedCall(PbxId pbx, LegId callerLeg, TaskQueue queue, Task task, int originalPosition) {
        this.pbx = pbx;
        this.callerLeg = callerLeg;
        this.queue = queue;
        this.task = task;
        this.originalPosition = originalPosition;
        this.enteredAt = task.created();
    }

    /** A server-clock time on the PBX's clock, for a queue_log row the router writes without a PBX event. */
    Instant onPbxClock(Instant serverTime) {
        return serverTime.plus(pbxAhead);
    }

    /** The call's id. */
    CallId id() {
        return task.call().orElseThrow();
    }

    /**
     * The PBX call the caller is on now, which commands address: the call itself, or for a queued callback the
     * customer's new call once they answered.
     */
    CallId onPbx() {
        return callback.flatMap(request -> request.answered).map(CallbackRequest.Attempt::call).orElseGet(this::id);
    }

    boolean isWaiting() {
        return task.status() == TaskStatus.PENDING;
    }

    /** Moves the task, ignoring a move its lifecycle refuses (a late or repeated event). */
    void moveTo(TaskStatus next) {
        task.moveTo(next).map(moved -> task = moved);
    }

    /** Whether {@code leg} is the agent leg Switchboard asked the PBX to ring ({@code CallControl} reports it so). */
    boolean isOffered(LegId leg) {
        return offer.filter(o -> o.leg().equals(leg)).isPresent();
    }
}
