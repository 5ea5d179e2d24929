package io.switchboard.queue.kpi;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One queue's figures over one window. Calls count when their outcome happens: offered at entry, answered at
 * connect, abandoned at hang-up, handled when the agent's wrap-up ends. Ratios are empty when nothing counts yet.
 *
 * @param offered                 calls that entered the queue (a requeued call is not offered again)
 * @param answered                calls an agent answered
 * @param answeredWithinThreshold answered after waiting at most the queue's threshold
 * @param abandoned               callers who hung up while waiting, after at least the short-abandon time
 * @param shortAbandons           callers who hung up sooner; in no ratio
 * @param repeatCallers           offered calls whose number had called within the repeat window before
 * @param handled                 calls whose handling (talk and wrap-up) ended
 * @param serviceLevel            answeredWithinThreshold / (answered + abandoned)
 * @param averageSpeedOfAnswer    the mean queue wait of answered calls
 * @param averageHandleTime       the mean talk (hold included) plus wrap-up of handled calls
 * @param abandonmentRate         abandoned / (answered + abandoned)
 */
public record QueueFigures(long offered, long answered, long answeredWithinThreshold, long abandoned,
                           long shortAbandons, long repeatCallers, long handled, OptionalDouble serviceLevel,
                           Optional<Duration> averageSpeedOfAnswer, Optional<Duration> averageHandleTime,
                           OptionalDouble abandonmentRate) {

    static QueueFigures of(Counts c) {
        long judged = c.answered + c.abandoned;
        return new QueueFigures(c.offered, c.answered, c.answeredWithinThreshold, c.abandoned, c.shortAbandons,
                c.repeatCallers, c.handled, ratio(c.answeredWithinThreshold, judged),
                mean(c.answerWaitMillis, c.answered),
                mean(c.handleMillis, c.handled), ratio(c.abandoned, judged));
    }

    static OptionalDouble ratio(long part, long whole) {
        return whole == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / whole);
    }

    static Optional<Duration> mean(long millis, long count) {
        return count == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(millis / count));
    }
}
