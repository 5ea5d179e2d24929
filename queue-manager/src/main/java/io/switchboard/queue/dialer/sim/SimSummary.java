package io.switchboard.queue.dialer.sim;

import java.util.Arrays;
import java.util.List;

/**
 * One pacing mode's shifts, one per seed, summed up.
 *
 * @param shifts the shifts, in seed order
 */
public record SimSummary(List<ShiftResult> shifts) {

    public SimSummary {
        shifts = List.copyOf(shifts);
        if (shifts.isEmpty()) {
            throw new IllegalArgumentException("shifts must not be empty");
        }
    }

    /** Mean talk occupancy, 0 to 1. */
    public double occupancy() {
        return shifts.stream().mapToDouble(ShiftResult::occupancy).average().orElseThrow();
    }

    /** Mean idle time before a connect, seconds, over every connect of every shift. */
    public double idleBetweenCalls() {
        return shifts.stream().mapToDouble(ShiftResult::idleSecondsTotal).sum()
                / Math.max(1, shifts.stream().mapToLong(ShiftResult::connects).sum());
    }

    /** Mean of the shifts' daily abandon rates, percent. */
    public double meanDailyAbandonPercent() {
        return shifts.stream().mapToDouble(ShiftResult::abandonPercent).average().orElseThrow();
    }

    /** The 99th percentile of the shifts' daily abandon rates (nearest rank), percent. */
    public double p99DailyAbandonPercent() {
        double[] daily = shifts.stream().mapToDouble(ShiftResult::abandonPercent).toArray();
        Arrays.sort(daily);
        return daily[(int) Math.ceil(0.99 * daily.length) - 1];
    }

    /** Mean of the shifts' worst rolling-hour abandon rates, percent. */
    public double worstHourAbandonPercent() {
        return shifts.stream().mapToDouble(ShiftResult::worstHourPercent).average().orElseThrow();
    }

    /** Mean connects per logged-in agent-hour. */
    public double connectsPerAgentHour() {
        return shifts.stream().mapToDouble(ShiftResult::connectsPerAgentHour).average().orElseThrow();
    }
}
