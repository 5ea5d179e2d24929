package io.switchboard.queue.waiting;

import io.switchboard.core.port.WaitAnnouncement;
import io.switchboard.queue.waiting.CallerAnnouncements.PositionAnnouncement;
import io.switchboard.queue.waiting.CallerAnnouncements.WaitEstimateAnnouncement;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** What one periodic announcement says to a waiting caller, as app_queue's {@code say_position} decides it. */
public final class WaitAnnouncements {

    private WaitAnnouncements() {
    }

    /**
     * The announcement for a caller at {@code position} with {@code estimate} still to wait, or empty when the
     * queue's settings leave nothing to say.
     *
     * @param waitSaidBefore whether this caller was already told an estimated wait (for {@code ONCE})
     */
    public static Optional<WaitAnnouncement> compose(CallerAnnouncements settings, int position,
                                                     Optional<Duration> estimate, boolean waitSaidBefore) {
        OptionalInt said = OptionalInt.empty();
        OptionalInt moreThan = OptionalInt.empty();
        PositionAnnouncement mode = settings.position();
        if (mode == PositionAnnouncement.YES || position <= settings.positionLimit() && mode != PositionAnnouncement.NO) {
            said = OptionalInt.of(position);
        } else if (mode == PositionAnnouncement.MORE) {
            moreThan = OptionalInt.of(settings.positionLimit());
        }
        Optional<Duration> wait = Optional.empty();
        WaitEstimateAnnouncement waitMode = settings.estimatedWait();
        if (waitMode == WaitEstimateAnnouncement.YES || waitMode == WaitEstimateAnnouncement.ONCE && !waitSaidBefore) {
            wait = estimate.map(e -> rounded(e, settings.roundSeconds())).filter(e -> !e.isZero());
        }
        if (said.isEmpty() && moreThan.isEmpty() && wait.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WaitAnnouncement(said, moreThan, wait));
    }

    /**
     * {@code wait} as it is said: with {@code roundSeconds} 0, to the nearest whole minute (so under 30 s is
     * nothing); otherwise rounded up to a multiple of {@code roundSeconds}, never promising less than the estimate.
     */
    public static Duration rounded(Duration wait, int roundSeconds) {
        if (roundSeconds == 0) {
            return Duration.ofMinutes((wait.toSeconds() + 30) / 60);
        }
        long exact = wait.toSeconds() + (wait.getNano() > 0 ? 1 : 0);
        return Duration.ofSeconds((exact + roundSeconds - 1) / roundSeconds * roundSeconds);
    }
}
