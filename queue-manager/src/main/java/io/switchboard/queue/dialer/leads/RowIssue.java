package io.switchboard.queue.dialer.leads;

import io.switchboard.core.Require;

/**
 * Something wrong (an error: the row is not imported) or doubtful (a warning: it is) with one row of a file.
 *
 * @param row     the CSV record; the header is row 1
 * @param column  the column it is about, as the header names it; blank when about the whole row
 * @param reason  a stable slug: errors {@code phone-missing}, {@code phone-malformed}, {@code time-zone-unknown},
 *                {@code priority-not-a-number}, {@code email-malformed}, {@code value-too-long},
 *                {@code column-count}; warnings {@code time-zone-ambiguous}, {@code time-zone-not-found},
 *                {@code region-unknown}; sorting {@code duplicate-in-file}, {@code duplicate-in-campaign},
 *                {@code dnc}
 * @param message for humans; never holds a full phone number
 */
public record RowIssue(int row, String column, String reason, String message) {

    public RowIssue {
        Require.atLeast(row, 1, "row");
        Require.nonNull(column, "column");
        Require.nonBlank(reason, "reason");
        Require.nonBlank(message, "message");
    }
}
