package io.switchboard.queue.kpi;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The stretch of time a KPI figure covers. Sliding windows move in whole minutes: "last 15 minutes" is the
 * current minute and the 14 before it.
 */
public enum KpiWindow {

    /** The current minute and the 14 before it. */
    LAST_15_MINUTES("last15m", 15),

    /** The current minute and the 59 before it. */
    LAST_60_MINUTES("last60m", 60),

    /** Since the last midnight in the configured time zone ({@link KpiSettings#zone()}). */
    SINCE_MIDNIGHT("today", 0);

    private final String key;
    private final int minutes;

    KpiWindow(String key, int minutes) {
        this.key = key;
        this.minutes = minutes;
    }

    /** The name used in the API's JSON, e.g. {@code last15m}. */
    public String key() {
        return key;
    }

    /** The first instant the window covers at {@code now}. */
    public Instant start(Instant now, ZoneId zone) {
        if (this == SINCE_MIDNIGHT) {
            return now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
        }
        return now.truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(minutes - 1L));
    }
}
