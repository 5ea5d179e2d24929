package io.switchboard.queue.dialer.leads;

import io.switchboard.core.Require;
import io.switchboard.core.call.PhoneNumber;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A do-not-call list read row by row: a header with {@code phone} and, optionally, {@code reason}; any other
 * column is refused by name. Numbers without a country code are read in the given region.
 */
public final class DncFile implements ImportFile<DncFile.DncLine> {

    private static final int MAX_REASON = 256;

    private final CsvRecords records;
    private final String defaultRegion;
    private final int phone;
    private final int reason;
    private final int width;
    private int dataRows;

    private DncFile(CsvRecords records, String defaultRegion, List<String> header) throws FileRefusedException {
        this.records = records;
        this.defaultRegion = defaultRegion;
        List<String> names = header.stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).toList();
        List<String> unknown = names.stream().filter(n -> !n.equals("phone") && !n.equals("reason")).toList();
        if (!unknown.isEmpty()) {
            throw refused("column-unknown", "unknown column(s) " + String.join(", ", unknown)
                    + "; a DNC list has 'phone' and, optionally, 'reason'");
        }
        if (names.indexOf("phone") != names.lastIndexOf("phone")
                || names.indexOf("reason") != names.lastIndexOf("reason")) {
            throw refused("column-duplicate", "a column is named twice");
        }
        this.phone = names.indexOf("phone");
        this.reason = names.indexOf("reason");
        this.width = names.size();
        if (phone < 0) {
            throw refused("phone-column-missing", "the header has no 'phone' column");
        }
    }

    /**
     * Reads the header.
     *
     * @throws FileRefusedException {@code file-empty}, {@code encoding-not-utf8} or a header problem
     */
    public static DncFile open(InputStream in, String defaultRegion) throws FileRefusedException {
        Require.nonBlank(defaultRegion, "defaultRegion");
        CsvRecords records = new CsvRecords(in);
        List<String> header = records.next().orElseThrow(() -> new FileRefusedException(
                FileRefused.whole("file-empty", "the file is empty; the first row must name the columns: 'phone'")));
        return new DncFile(records, defaultRegion, header);
    }

    /**
     * The next data row, or empty after the last.
     *
     * @throws FileRefusedException when the file turns out not to be UTF-8 or CSV, or has no data row
     */
    public Optional<DncLine> next() throws FileRefusedException {
        Optional<List<String>> record = records.next();
        if (record.isEmpty()) {
            if (dataRows == 0) {
                throw new FileRefusedException(FileRefused.whole("no-rows", "the file has a header but no rows"));
            }
            return Optional.empty();
        }
        dataRows++;
        int row = records.row();
        List<String> fields = record.get();
        if (fields.size() != width) {
            return Optional.of(DncLine.bad(new RowIssue(row, "", "column-count", "row " + row + " has " + fields.size()
                    + " fields, the header " + width)));
        }
        String text = fields.get(phone).trim();
        String why = reason < 0 ? "" : fields.get(reason).trim();
        if (text.isEmpty()) {
            return Optional.of(DncLine.bad(new RowIssue(row, "phone", "phone-missing", "row " + row + ", column 'phone': is empty")));
        }
        if (why.length() > MAX_REASON) {
            return Optional.of(DncLine.bad(new RowIssue(row, "reason", "value-too-long", "row " + row
                    + ", column 'reason': is longer than " + MAX_REASON + " characters")));
        }
        try {
            PhoneNumber number = PhoneNumber.parse(text, defaultRegion, "phone");
            return Optional.of(new DncLine(row, Optional.of(number), why.isEmpty() ? Optional.empty() : Optional.of(why),
                    Optional.empty()));
        } catch (IllegalArgumentException e) {
            return Optional.of(DncLine.bad(new RowIssue(row, "phone", "phone-malformed", "row " + row + ", column 'phone': "
                    + e.getMessage())));
        }
    }

    /** Bytes of the file read so far, for progress. */
    public long bytesRead() {
        return records.bytesRead();
    }

    private static FileRefusedException refused(String errorId, String message) {
        return new FileRefusedException(FileRefused.atRow(errorId, 1, "row 1 (header): " + message));
    }

    @Override
    public void close() throws IOException {
        records.close();
    }

    /**
     * One row of a DNC list: a number (with its reason, when given) or the error that kept it out.
     *
     * @param row    the CSV record (the header is row 1)
     * @param number the number, when the row is good
     * @param reason the row's reason, when given
     * @param error  why the row is bad; present exactly when {@code number} is not
     */
    public record DncLine(int row, Optional<PhoneNumber> number, Optional<String> reason, Optional<RowIssue> error) {

        static DncLine bad(RowIssue error) {
            return new DncLine(error.row(), Optional.empty(), Optional.empty(), Optional.of(error));
        }
    }
}
