package io.switchboard.queue.waiting;

import io.switchboard.core.Require;

import java.time.Duration;
import java.util.Optional;

/**
 * How much longer a waiting caller should expect to wait, from where they stand and who answers: a pure function.
 *
 * <p>With {@code staffed} agents serving the queue (logged in and not paused: free, ringing, talking or wrapping
 * up), {@code free} of them free now, and an average handle time {@code H} (talk plus the queue's wrap-up), the
 * caller at {@code position} p waits for the {@code p - free}-th agent to become free. When every agent is
 * busy, agents finish at a rate of {@code staffed / H}, so that takes
 *
 * <pre>    wait = (p - free) * H / staffed</pre>
 *
 * which is exact for an M/M/N queue (exponential handle times: whatever an agent has already spent on a call,
 * the rest takes H on average) and the usual estimate otherwise. It is zero when a free agent is there for the
 * caller, and unknown when nobody staffs the queue (the wait is then unbounded) or no handle time is known yet.
 *
 * <p>app_queue instead says its {@code holdtime}, an exponential average of past callers' waits
 * ({@code (3 * old + new) / 4}) minus what this caller has waited: the same for the first caller and the tenth,
 * and blind to agents logging in or out. mod_callcenter announces no wait.
 */
public final class EstimatedWait {

    private EstimatedWait() {
    }

    /**
     * @param position    the caller's place in the queue, 1 for the next to be answered
     * @param staffed     agents serving the queue, busy or free
     * @param free        of those, the ones free to take a call now
     * @param handleTime  the queue's recent average handle time, if known
     */
    public static Optional<Duration> of(int position, int staffed, int free, Optional<Duration> handleTime) {
        Require.atLeast(position, 1, "position");
        Require.atLeast(staffed, 0, "staffed");
        Require.between(free, 0, staffed, "free");
        Require.nonNull(handleTime, "handleTime");
        if (staffed == 0) {
            return Optional.empty();
        }
        int ahead = position - free;
        if (ahead <= 0) {
            return Optional.of(Duration.ZERO);
        }
        return handleTime.map(h -> h.multipliedBy(ahead).dividedBy(staffed));
    }
}
