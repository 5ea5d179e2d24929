package io.switchboard.queue.dialer.compliance;

import io.switchboard.core.dialer.CallingWindow;
import io.switchboard.core.dialer.Jurisdiction;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.Set;

/**
 * When a campaign may call a callee, in the callee's own time zone and calendar: the campaign's window, narrowed
 * to the jurisdiction's hours for that day of the week (Canada: 10:00-18:00 at weekends), never on one of the
 * campaign's holidays. Every instant is worked out with the zone's rules for that very day, so a window that
 * opens at 08:00 opens at 08:00 local on the days the clocks change too.
 */
public final class CallingHours {

    /** Canada's weekend hours (CRTC Unsolicited Telecommunications Rules, Part III, s. 6). */
    public static final CallingWindow CANADA_WEEKEND = new CallingWindow(LocalTime.of(10, 0), LocalTime.of(18, 0));
    /** How far ahead an opening is looked for; a campaign whose holidays fill it waits that long. */
    static final int MAX_DAYS_AHEAD = 400;

    private final CallingWindow campaignWindow;
    private final Jurisdiction jurisdiction;
    private final Set<LocalDate> holidays;

    public CallingHours(CallingWindow campaignWindow, Jurisdiction jurisdiction, Set<LocalDate> holidays) {
        this.campaignWindow = campaignWindow;
        this.jurisdiction = jurisdiction;
        this.holidays = Set.copyOf(holidays);
    }

    /** The jurisdiction's own hours on {@code day}: its widest window, or Canada's weekend hours. */
    public static CallingWindow jurisdictionHours(Jurisdiction jurisdiction, DayOfWeek day) {
        boolean weekend = day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY;
        return jurisdiction == Jurisdiction.CA && weekend ? CANADA_WEEKEND : jurisdiction.widestWindow();
    }

    /** The hours calls may be placed on {@code date} (callee's calendar); empty on a holiday or when none are left. */
    public Optional<CallingWindow> on(LocalDate date) {
        if (holidays.contains(date)) {
            return Optional.empty();
        }
        CallingWindow law = jurisdictionHours(jurisdiction, date.getDayOfWeek());
        LocalTime opens = later(campaignWindow.opens(), law.opens());
        LocalTime closes = earlier(campaignWindow.closes(), law.closes());
        return opens.isBefore(closes) ? Optional.of(new CallingWindow(opens, closes)) : Optional.empty();
    }

    /** Whether {@code date} is one of the campaign's holidays. */
    public boolean isHoliday(LocalDate date) {
        return holidays.contains(date);
    }

    /** Whether a call may be placed at {@code at} to a callee in {@code zone}. */
    public boolean isOpen(Instant at, ZoneId zone) {
        return nextOpening(at, zone).equals(at);
    }

    /**
     * The first moment at or after {@code from} at which calls may be placed to a callee in {@code zone}:
     * {@code from} itself when the window is open then.
     */
    public Instant nextOpening(Instant from, ZoneId zone) {
        LocalDate today = from.atZone(zone).toLocalDate();
        for (int day = 0; day <= MAX_DAYS_AHEAD; day++) {
            LocalDate date = today.plusDays(day);
            Optional<CallingWindow> window = on(date);
            if (window.isEmpty()) {
                continue;
            }
            Instant opens = ZonedDateTime.of(date, window.get().opens(), zone).toInstant();
            Instant closes = ZonedDateTime.of(date, window.get().closes(), zone).toInstant();
            if (from.isBefore(opens)) {
                return opens;
            }
            if (from.isBefore(closes)) {
                return from;
            }
        }
        return today.plusDays(MAX_DAYS_AHEAD + 1L).atStartOfDay(zone).toInstant();
    }

    private static LocalTime later(LocalTime a, LocalTime b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalTime earlier(LocalTime a, LocalTime b) {
        return a.isBefore(b) ? a : b;
    }
}
