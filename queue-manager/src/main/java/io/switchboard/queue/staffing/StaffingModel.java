package io.switchboard.queue.staffing;

import java.util.Locale;

/** The queueing model behind an answer; chosen by whether the question gives a patience. */
public enum StaffingModel {

    /** M/M/N: callers wait as long as it takes; chosen when the question has no patience. */
    ERLANG_C,

    /** M/M/N+M (Palm): callers hang up after an exponential patience; chosen when the question gives one. */
    ERLANG_A;

    /** The spelling in the API and the CLI: {@code erlang-c}, {@code erlang-a}. */
    public String slug() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
