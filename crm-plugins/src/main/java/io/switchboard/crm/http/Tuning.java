package io.switchboard.crm.http;

import io.switchboard.core.Require;

import java.time.Duration;

/**
 * The resilience settings every connector shares; {@link #defaults()} fits a CRM on the public internet.
 *
 * @param lookup           the budget of one lookup
 * @param log              the budget of one call log
 * @param breakerThreshold consecutive failed requests (5xx, timeout, refused connection) that open the circuit
 * @param breakerCoolDown  how long the circuit stays open before one trial request
 * @param hitTtl           how long a found record is served from the cache
 * @param missTtl          how long "no record holds this number" is served from the cache
 * @param cacheSize        numbers the cache holds at most (least recently used go first)
 */
public record Tuning(Budget lookup, Budget log, int breakerThreshold, Duration breakerCoolDown,
                     Duration hitTtl, Duration missTtl, int cacheSize) {

    public Tuning {
        Require.nonNull(lookup, "lookup");
        Require.nonNull(log, "log");
        Require.atLeast(breakerThreshold, 1, "breakerThreshold");
        Require.positive(breakerCoolDown, "breakerCoolDown");
        Require.nonNegative(hitTtl, "hitTtl");
        Require.nonNegative(missTtl, "missTtl");
        Require.atLeast(cacheSize, 0, "cacheSize");
    }

    /** Lookups within 2 s, logs within a minute, open after 5 failures for 30 s, cache 60 s / 15 s, 10,000 numbers. */
    public static Tuning defaults() {
        return new Tuning(Budget.LOOKUP, Budget.LOG, 5, Duration.ofSeconds(30),
                Duration.ofSeconds(60), Duration.ofSeconds(15), 10_000);
    }

    /** These settings with other budgets. */
    public Tuning withBudgets(Budget lookup, Budget log) {
        return new Tuning(lookup, log, breakerThreshold, breakerCoolDown, hitTtl, missTtl, cacheSize);
    }
}
