package io.switchboard.queue.dialer.pacing;

/** Why the predictive pacer chose the number it did. */
public enum PacingBasis {

    /** The figures are trusted and the abandon budget allows it: calls paced from the predicted free agents. */
    PREDICTED,

    /** Fewer agents than {@link PredictivePacer#MIN_AGENTS} are logged in to the campaign: progressive. */
    TOO_FEW_AGENTS,

    /** Too few call endings, live answers or talk times yet to trust the figures: progressive. */
    THIN_FIGURES,

    /** One or two more abandons would cross the jurisdiction's cap in one of the counts: progressive. */
    CAP_GUARD
}
