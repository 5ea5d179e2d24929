package io.switchboard.sim.traffic;

/**
 * Shares of outbound customer outcomes; they need not add up to 1 (they are normalised).
 *
 * @param live a person answers (AMD: HUMAN)
 * @param busy busy (OriginateResponse Reason 5)
 * @param noAnswer rings until the originate times out (Reason 3)
 * @param machine an answering machine (AMD: MACHINE)
 */
public record OutboundMix(double live, double busy, double noAnswer, double machine) {

    /** Rejects negative shares and an all-zero mix. */
    public OutboundMix {
        if (live < 0 || busy < 0 || noAnswer < 0 || machine < 0 || live + busy + noAnswer + machine <= 0) {
            throw new IllegalArgumentException("shares must be >= 0 and not all 0");
        }
    }

    /** 60 % live, 10 % busy, 15 % no answer, 15 % machine. */
    public static OutboundMix typical() {
        return new OutboundMix(0.60, 0.10, 0.15, 0.15);
    }
}
