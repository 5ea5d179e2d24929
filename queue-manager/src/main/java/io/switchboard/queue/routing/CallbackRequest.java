package io.switchboard.queue.routing;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.id.LegId;
import io.switchboard.queue.waiting.QueuedCallback;

import java.time.Instant;
import java.util.Optional;

/**
 * The queued callback a waiting caller asked for, carried by their {@link RoutedCall} from the key to the end:
 * whom to call, with the queue's settings as they were when the caller pressed the key, and where the
 * attempts stand. Mutable, and touched only on the router's context.
 */
final class CallbackRequest {

    /**
     * One attempt to call the customer back for {@code agent}, reserved meanwhile.
     *
     * @param call   the new call's id, as given to the PBX in the originate
     * @param leg    the customer's leg of it
     * @param since  when the attempt was placed, on the server's clock
     * @param number 1 for the first attempt
     */
    record Attempt(CallId call, LegId leg, AgentId agent, Instant since, int number) {
    }

    final PhoneNumber number;
    final QueuedCallback settings;
    /** Whether the caller who asked has hung up; until then nobody is called back, as they may still be on. */
    boolean callerGone;
    /** How many attempts were placed so far. */
    int attempts;
    /** The attempt ringing now, if any. */
    Optional<Attempt> dialling = Optional.empty();
    /** The attempt the customer answered: from then on the new call carries the task. */
    Optional<Attempt> answered = Optional.empty();
    /** Until when an unanswered attempt keeps the task from being offered again. */
    Optional<Instant> restingUntil = Optional.empty();

    CallbackRequest(PhoneNumber number, QueuedCallback settings) {
        this.number = number;
        this.settings = settings;
    }

    /** Whether the task may be offered to an agent now: the caller has gone and no retry is pending. */
    boolean offerable() {
        return answered.isPresent() || callerGone && restingUntil.isEmpty() && dialling.isEmpty();
    }
}
