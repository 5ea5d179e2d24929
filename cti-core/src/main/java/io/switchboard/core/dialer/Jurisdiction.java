package io.switchboard.core.dialer;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Locale;

/**
 * The regulator whose outbound-calling rules a campaign keeps. Each sets the highest abandon rate a campaign
 * may reach and the period it is measured over; the rest of its rules (calling window, minimum ring, the
 * 2-second connect rule, no redial after an abandon) are applied by the dialer's compliance gate, which
 * docs/dialer.md describes.
 */
public enum Jurisdiction {

    /** US FCC/FTC telemarketing rules: at most 3 % of live answers abandoned per campaign over 30 days. */
    US(3.0, Duration.ofDays(30), new CallingWindow(LocalTime.of(8, 0), LocalTime.of(21, 0))),

    /**
     * UK Ofcom's persistent-misuse policy: at most 3 % per campaign over 24 hours, answering-machine-detection
     * false positives estimated and counted as abandoned.
     */
    UK(3.0, Duration.ofHours(24), new CallingWindow(LocalTime.of(8, 0), LocalTime.of(21, 0))),

    /**
     * Canada CRTC's Unsolicited Telecommunications Rules: at most 5 % per campaign per month (30 days); calls
     * 09:00-21:30 on weekdays (10:00-18:00 at weekends, which the gate applies).
     */
    CA(5.0, Duration.ofDays(30), new CallingWindow(LocalTime.of(9, 0), LocalTime.of(21, 30)));

    private final double abandonCapPercent;
    private final Duration measuredOver;
    private final CallingWindow widestWindow;

    Jurisdiction(double abandonCapPercent, Duration measuredOver, CallingWindow widestWindow) {
        this.abandonCapPercent = abandonCapPercent;
        this.measuredOver = measuredOver;
        this.widestWindow = widestWindow;
    }

    /**
     * The widest calling window, in the callee's local time, the rules allow on a weekday (US TCPA: 08:00-21:00;
     * UK: the industry's 08:00-21:00, as Ofcom sets no hours; Canada: 09:00-21:30). A campaign's window must lie
     * inside it.
     */
    public CallingWindow widestWindow() {
        return widestWindow;
    }

    /** Whether {@code window} lies inside {@link #widestWindow()}. */
    public boolean allows(CallingWindow window) {
        return !window.opens().isBefore(widestWindow.opens()) && !window.closes().isAfter(widestWindow.closes());
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
