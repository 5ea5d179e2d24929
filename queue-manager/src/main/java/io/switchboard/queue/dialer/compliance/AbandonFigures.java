package io.switchboard.queue.dialer.compliance;

import io.switchboard.core.Require;

/**
 * A campaign's calls over the periods its abandon rate is measured on, from the {@link AbandonLedger}.
 *
 * @param last24h the last 24 hours (Ofcom's period), to the minute
 * @param last30d the last 30 days (the FTC's and CRTC's), to the hour
 * @param today   since midnight in the ledger's zone (what VICIdial's drop rate looks at), to the minute
 */
public record AbandonFigures(Counts last24h, Counts last30d, Counts today) {

    /** No calls at all. */
    public static final AbandonFigures NONE = new AbandonFigures(Counts.ZERO, Counts.ZERO, Counts.ZERO);

    public AbandonFigures {
        Require.nonNull(last24h, "last24h");
        Require.nonNull(last30d, "last30d");
        Require.nonNull(today, "today");
    }

    /**
     * Call ends of one period.
     *
     * @param live      answered by a person (AMD said human or not sure): connected and abandoned calls
     * @param abandoned live answers that reached no agent
     * @param machines  calls answering-machine detection said a machine answered
     */
    public record Counts(long live, long abandoned, long machines) {

        /** Nothing counted. */
        public static final Counts ZERO = new Counts(0, 0, 0);

        public Counts {
            if (live < 0 || abandoned < 0 || machines < 0 || abandoned > live) {
                throw new IllegalArgumentException("counts must be non-negative with abandoned <= live, were live="
                        + live + " abandoned=" + abandoned + " machines=" + machines);
            }
        }
    }
}
