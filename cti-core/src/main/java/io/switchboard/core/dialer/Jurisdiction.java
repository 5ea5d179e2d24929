package io.switchboard.core.dialer;

import java.time.Duration;
import java.util.Locale;

/**
 * The regulator whose outbound-calling rules a campaign keeps. Each sets the highest abandon rate a campaign
 * may reach and the period it is measured over; the rest of its rules (calling window, minimum ring, the
 * 2-second connect rule, no redial after an abandon) are applied by the dialer's compliance gate, which
 * docs/dialer.md describes.
 */
public enum Jurisdiction {

    /** US FCC/FTC telemarketing rules: at most 3 % of live answers abandoned per campaign over 30 days. */
    US(3.0, Duration.ofDays(30)),

    /**
     * UK Ofcom's persistent-misuse policy: at most 3 % per campaign over 24 hours, answering-machine-detection
     * false positives estimated and counted as abandoned.
     */
    UK(3.0, Duration.ofHours(24)),

    /** Canada CRTC's Unsolicited Telecommunications Rules: at most 5 % per campaign per month (30 days). */
    CA(5.0, Duration.ofDays(30));

    private final double abandonCapPercent;
    private final Duration measuredOver;

    Jurisdiction(double abandonCapPercent, Duration measuredOver) {
        this.abandonCapPercent = abandonCapPercent;
        this.measuredOver = measuredOver;
    }

    /** The abandon rate, in percent of live answers, a campaign must never cross. */
    public double abandonCapPercent() {
        return abandonCapPercent;
    }

    /** The rolling period the cap is measured over. */
    public Duration measuredOver() {
        return measuredOver;
    }

    /** The lower-case name used in the API and the database ({@code us}, {@code uk}, {@code ca}). */
    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
