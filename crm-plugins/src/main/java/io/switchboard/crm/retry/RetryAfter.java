package io.switchboard.crm.retry;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads an HTTP {@code Retry-After} header (RFC 9110, section 10.2.3): either delta-seconds
 * ({@code 120}) or an IMF-fixdate ({@code Sun, 06 Nov 1994 08:49:37 GMT}), the latter relative
 * to an injected clock. A date in the past means "now" ({@link Duration#ZERO}); anything else,
 * negative numbers included, is ignored.
 */
public final class RetryAfter {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final int MAX_DIGITS = 18;

    private RetryAfter() {
    }

    /** The wait the header asks for, or empty if it is missing or unreadable. */
    public static Optional<Duration> parse(String headerValue, Clock clock) {
        if (headerValue == null) {
            return Optional.empty();
        }
        String value = headerValue.strip();
        if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return value.length() > MAX_DIGITS ? Optional.empty() : Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(value, IMF_FIXDATE);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
