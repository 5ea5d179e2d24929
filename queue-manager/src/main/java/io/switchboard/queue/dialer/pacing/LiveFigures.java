package io.switchboard.queue.dialer.pacing;

import io.switchboard.core.Require;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * One campaign's live figures, learnt from its {@link DialOutcomes}: the live-answer rate of its last
 * {@value #OUTCOMES} calls, the ring times before live answers and before the other endings, the talk and wrap-up
 * times of its last {@value #SAMPLES} calls, and its abandon counts today (in the campaign's day zone), over the
 * rolling 24 hours and the rolling 30 days. Windows are read at the injected clock's time (the simulator's clock in
 * simulated time). One instance per campaign, fed and read on one thread.
 */
public final class LiveFigures implements DialOutcomes {

    /** How many of the latest call endings the live-answer rate is taken over. */
    public static final int OUTCOMES = 500;

    /** How many of the latest ring, talk and wrap-up times each distribution keeps. */
    public static final int SAMPLES = 300;

    private final InstantSource clock;
    private final ZoneId dayZone;
    private final boolean[] outcomes = new boolean[OUTCOMES];
    private int nextOutcome;
    private int outcomeCount;
    private int liveInOutcomes;
    private final Durations liveRing = new Durations(SAMPLES);
    private final Durations otherRing = new Durations(SAMPLES);
    private final Durations talk = new Durations(SAMPLES);
    private final Durations wrap = new Durations(SAMPLES);
    private final AbandonTally day = new AbandonTally(Duration.ofHours(24), 1440);
    private final AbandonTally month = new AbandonTally(Duration.ofDays(30), 720);
    private LocalDate today;
    private long liveToday;
    private long abandonedToday;

    /**
     * @param clock   the time windows are read at
     * @param dayZone where the campaign's day starts and ends, for the daily abandon rate
     */
    public LiveFigures(InstantSource clock, ZoneId dayZone) {
        this.clock = Require.nonNull(clock, "clock");
        this.dayZone = Require.nonNull(dayZone, "dayZone");
    }

    @Override
    public void dialled(Instant at) {
        // placing a call teaches nothing until it ends; the pacer counts the calls in flight itself
    }

    @Override
    public void answeredLive(Instant at, Duration ring) {
        liveRing.add(ring);
        ended(true);
    }

    @Override
    public void answeredMachine(Instant at, Duration ring) {
        otherRing.add(ring);
        ended(false);
    }

    @Override
    public void unanswered(Instant at, Duration ring) {
        otherRing.add(ring);
        ended(false);
    }

    @Override
    public void connected(Instant at, Duration waited) {
        counted(at, false);
    }

    @Override
    public void abandoned(Instant at) {
        counted(at, true);
    }

    @Override
    public void talkEnded(Instant at, Duration talk) {
        this.talk.add(talk);
    }

    @Override
    public void wrapEnded(Instant at, Duration wrap) {
        this.wrap.add(wrap);
    }

    /** Live answers in the last call endings, 0 to 1 (0 before any call ended). */
    public double liveAnswerRate() {
        return outcomeCount == 0 ? 0 : (double) liveInOutcomes / outcomeCount;
    }

    /** How many call endings the live-answer rate is taken over (at most {@link #OUTCOMES}). */
    public int callsEnded() {
        return outcomeCount;
    }

    /** Abandons today, in the campaign's day zone. */
    public AbandonCount today() {
        rollDay(clock.instant());
        return new AbandonCount(liveToday, abandonedToday);
    }

    /** Abandons over the rolling 24 hours (UK Ofcom's period). */
    public AbandonCount last24Hours() {
        return day.at(clock.instant());
    }

    /** Abandons over the rolling 30 days (US FTC and Canada CRTC's period). */
    public AbandonCount last30Days() {
        return month.at(clock.instant());
    }

    Durations liveRing() {
        return liveRing;
    }

    Durations otherRing() {
        return otherRing;
    }

    Durations talk() {
        return talk;
    }

    Durations wrap() {
        return wrap;
    }

    private void ended(boolean live) {
        if (outcomeCount == OUTCOMES && outcomes[nextOutcome]) {
            liveInOutcomes--;
        }
        outcomes[nextOutcome] = live;
        if (live) {
            liveInOutcomes++;
        }
        nextOutcome = (nextOutcome + 1) % OUTCOMES;
        outcomeCount = Math.min(outcomeCount + 1, OUTCOMES);
    }

    private void counted(Instant at, boolean lost) {
        day.add(at, lost);
        month.add(at, lost);
        rollDay(at);
        liveToday++;
        if (lost) {
            abandonedToday++;
        }
    }

    private void rollDay(Instant at) {
        LocalDate date = at.atZone(dayZone).toLocalDate();
        if (today == null || date.isAfter(today)) {
            today = date;
            liveToday = 0;
            abandonedToday = 0;
        }
    }
}
