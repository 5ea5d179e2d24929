package io.switchboard.queue.dialer.leads;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import io.switchboard.core.Require;
import io.switchboard.core.call.PhoneNumber;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A lead file read row by row: the header is checked when it is opened, then {@link #next()} turns each row into
 * a {@link LeadLine}, a lead or a rejected row with every error found in it. Numbers without a country code are
 * read in the campaign's default region.
 *
 * <pre>{@code
 * try (LeadFile file = LeadFile.open(in, "US")) {
 *     for (Optional<LeadLine> line = file.next(); line.isPresent(); line = file.next()) { ... }
 * }
 * }</pre>
 */
public final class LeadFile implements ImportFile<LeadLine> {

    private static final int MAX_EXTERNAL_REF = 128;
    private static final int MAX_REGION = 64;
    private static final int MAX_POSTCODE = 16;
    private static final int MAX_ATTRIBUTE = 1024;
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final CsvRecords records;
    private final LeadColumns columns;
    private final String defaultRegion;
    private int dataRows;

    private LeadFile(CsvRecords records, LeadColumns columns, String defaultRegion) {
        this.records = records;
        this.columns = columns;
        this.defaultRegion = defaultRegion;
    }

    /**
     * Reads the header.
     *
     * @param defaultRegion the ISO 3166 region numbers without {@code +} are read in, e.g. {@code US}
     * @throws FileRefusedException {@code file-empty}, {@code encoding-not-utf8} or a header problem
     */
    public static LeadFile open(InputStream in, String defaultRegion) throws FileRefusedException {
        Require.nonBlank(defaultRegion, "defaultRegion");
        if (!UTIL.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("defaultRegion '" + defaultRegion + "' is not a supported region");
        }
        CsvRecords records = new CsvRecords(in);
        List<String> header = records.next().orElseThrow(() -> new FileRefusedException(
                FileRefused.whole("file-empty", "the file is empty; the first row must name the columns, e.g. 'phone'")));
        return new LeadFile(records, LeadColumns.of(header), defaultRegion);
    }

    /**
     * The next data row, or empty after the last.
     *
     * @throws FileRefusedException when the file turns out not to be UTF-8 or CSV further on, or ({@code no-rows})
     *                              when it ends without a single data row
     */
    public Optional<LeadLine> next() throws FileRefusedException {
        Optional<List<String>> record = records.next();
        if (record.isEmpty()) {
            if (dataRows == 0) {
                throw new FileRefusedException(FileRefused.whole("no-rows", "the file has a header but no rows"));
            }
            return Optional.empty();
        }
        dataRows++;
        return Optional.of(line(records.row(), record.get()));
    }

    /** Bytes of the file read so far, for progress. */
    public long bytesRead() {
        return records.bytesRead();
    }

    private LeadLine line(int row, List<String> fields) {
        if (fields.size() != columns.width()) {
            return new LeadLine.Rejected(row, List.of(new RowIssue(row, "", "column-count", "row " + row + " has "
                    + fields.size() + " fields, the header " + columns.width())));
        }
        List<RowIssue> errors = new ArrayList<>();
        Optional<Phonenumber.PhoneNumber> number = number(row, columns.value(fields, LeadColumns.PHONE), errors);
        String timeZone = columns.value(fields, LeadColumns.TIME_ZONE);
        if (!timeZone.isEmpty() && !LeadZones.isZoneId(timeZone)) {
            errors.add(issue(row, LeadColumns.TIME_ZONE, "time-zone-unknown", "'" + timeZone
                    + "' is not an IANA time zone such as America/Chicago"));
        }
        int priority = priority(row, columns.value(fields, LeadColumns.PRIORITY), errors);
        String email = columns.value(fields, LeadColumns.EMAIL);
        if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
            errors.add(issue(row, LeadColumns.EMAIL, "email-malformed", "is not an e-mail address"));
        }
        String externalRef = limited(row, LeadColumns.EXTERNAL_REF, fields, MAX_EXTERNAL_REF, errors);
        String region = limited(row, LeadColumns.STATE, fields, MAX_REGION, errors);
        String postcode = limited(row, LeadColumns.POSTCODE, fields, MAX_POSTCODE, errors);
        var attributes = columns.attributes(fields);
        attributes.forEach((name, value) -> {
            if (value.length() > MAX_ATTRIBUTE) {
                errors.add(issue(row, name, "value-too-long", "is longer than " + MAX_ATTRIBUTE + " characters"));
            }
        });
        if (!errors.isEmpty()) {
            return new LeadLine.Rejected(row, errors);
        }
        LeadZone zone = LeadZones.resolve(timeZone, region, number.orElseThrow());
        PhoneNumber e164 = new PhoneNumber(UTIL.format(number.get(), PhoneNumberFormat.E164));
        List<RowIssue> warnings = zone.warning().map(w -> List.of(issue(row,
                w.equals("region-unknown") ? LeadColumns.STATE : LeadColumns.PHONE, w, warningText(w)))).orElse(List.of());
        return new LeadLine.Parsed(new ImportedLead(row, e164, zone.zone(), zone.source(), optional(region),
                optional(postcode), priority, optional(externalRef), attributes), warnings);
    }

    /**
     * The row's number, parsed once for both its E.164 form and its time zone (libphonenumber's parse is most of
     * a row's cost); the same rules as {@link PhoneNumber#parse(String, String, String)}: possible, not allocated.
     */
    private Optional<Phonenumber.PhoneNumber> number(int row, String phone, List<RowIssue> errors) {
        if (phone.isEmpty()) {
            errors.add(issue(row, LeadColumns.PHONE, "phone-missing", "is empty"));
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber parsed = UTIL.parse(phone, defaultRegion);
            if (UTIL.isPossibleNumber(parsed)) {
                return Optional.of(parsed);
            }
            errors.add(issue(row, LeadColumns.PHONE, "phone-malformed", "is not a possible phone number ("
                    + UTIL.isPossibleNumberWithReason(parsed) + ")"));
        } catch (NumberParseException e) {
            errors.add(issue(row, LeadColumns.PHONE, "phone-malformed", "is not a phone number libphonenumber can"
                    + " parse (" + e.getErrorType() + ")"));
        }
        return Optional.empty();
    }

    private int priority(int row, String text, List<RowIssue> errors) {
        if (text.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            errors.add(issue(row, LeadColumns.PRIORITY, "priority-not-a-number", "'" + text + "' is not a whole number"));
            return 0;
        }
    }

    private String limited(int row, String column, List<String> fields, int max, List<RowIssue> errors) {
        String value = columns.value(fields, column);
        if (value.length() > max) {
            errors.add(issue(row, column, "value-too-long", "is longer than " + max + " characters"));
        }
        return value;
    }

    private RowIssue issue(int row, String column, String reason, String detail) {
        String named = columns.named(column);
        return new RowIssue(row, named, reason, "row " + row + ", column '" + named + "': " + detail);
    }

    private static String warningText(String warning) {
        return switch (warning) {
            case "time-zone-ambiguous" -> "the number (and state, if any) span several time zones; the lead is"
                    + " imported without one and not dialled until it has one";
            case "region-unknown" -> "the state or province is not a US state or Canadian province; the time zone"
                    + " was taken from the number";
            default -> "no time zone is known for the number; the lead is imported without one and not dialled"
                    + " until it has one";
        };
    }

    private static Optional<String> optional(String value) {
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
