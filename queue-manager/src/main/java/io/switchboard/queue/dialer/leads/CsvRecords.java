package io.switchboard.queue.dialer.leads;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads CSV records one at a time, as RFC 4180 has them: fields separated by commas, records by CRLF (a bare LF
 * or CR is accepted too), a field in double quotes may hold commas, line breaks and doubled quotes ({@code ""}).
 * Input must be UTF-8 (a byte-order mark is skipped). Empty lines are skipped but counted, so that row
 * {@code n} is line {@code n} of a file without line breaks inside quotes: the header is row 1.
 *
 * <p>Streaming: memory holds one record, whatever the file's size.
 */
public final class CsvRecords implements AutoCloseable {

    private static final int MAX_FIELD_CHARS = 64 * 1024;

    private final StrictUtf8Reader reader;
    private final char[] buffer = new char[8192];
    private int length;
    private int position;
    private int row;
    private int reading;
    private boolean ended;

    public CsvRecords(InputStream in) {
        this.reader = new StrictUtf8Reader(in);
    }

    /**
     * The next non-empty record, or empty at the end of the file.
     *
     * @throws FileRefusedException {@code encoding-not-utf8}, {@code csv-unterminated-quote} or {@code csv-stray-quote},
     *                              naming the row
     */
    public Optional<List<String>> next() throws FileRefusedException {
        try {
            while (true) {
                reading = row + 1;
                if (peek() < 0) {
                    return Optional.empty();
                }
                row++;
                List<String> fields = record();
                if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
                    return Optional.of(fields);
                }
            }
        } catch (StrictUtf8Reader.NotUtf8Exception e) {
            throw new FileRefusedException(new FileRefused("encoding-not-utf8", "row " + reading
                    + ": the file is not UTF-8 at byte " + e.offset() + "; save it as UTF-8 (CSV UTF-8 in Excel)",
                    java.util.OptionalInt.of(reading), java.util.OptionalLong.of(e.offset())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row number of the record {@link #next()} returned last (the header is row 1). */
    public int row() {
        return row;
    }

    /** Bytes of the file read so far, for progress. */
    public long bytesRead() {
        return reader.bytesRead();
    }

    private List<String> record() throws IOException, FileRefusedException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        while (true) {
            int c = read();
            if (c == '"' && field.isEmpty()) {
                quoted(field);
                c = read();
                if (c != ',' && c != '\n' && c != '\r' && c >= 0) {
                    throw stray("text after a closing quote");
                }
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c < 0 || c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                fields.add(field.toString());
                return fields;
            } else if (c == '"') {
                throw stray("a quote inside a field that does not start with one");
            } else {
                append(field, (char) c);
            }
        }
    }

    private void quoted(StringBuilder field) throws IOException, FileRefusedException {
        int startRow = row;
        while (true) {
            int c = read();
            if (c < 0) {
                throw new FileRefusedException(FileRefused.atRow("csv-unterminated-quote", startRow,
                        "row " + startRow + ": a quoted field is never closed"));
            }
            if (c == '"') {
                if (peek() != '"') {
                    return;
                }
                read();
            }
            append(field, (char) c);
        }
    }

    private void append(StringBuilder field, char c) throws FileRefusedException {
        if (field.length() >= MAX_FIELD_CHARS) {
            throw new FileRefusedException(FileRefused.atRow("csv-field-too-long", row,
                    "row " + row + ": a field is longer than " + MAX_FIELD_CHARS + " characters"));
        }
        field.append(c);
    }

    private FileRefusedException stray(String what) {
        return new FileRefusedException(FileRefused.atRow("csv-stray-quote", row, "row " + row + ": " + what
                + "; quote the whole field and double the quotes inside it"));
    }

    private int peek() throws IOException {
        if (position == length && !fillBuffer()) {
            return -1;
        }
        return buffer[position];
    }

    private int read() throws IOException {
        int c = peek();
        if (c >= 0) {
            position++;
        }
        return c;
    }

    private boolean fillBuffer() throws IOException {
        if (ended) {
            return false;
        }
        int n = reader.read(buffer, 0, buffer.length);
        if (n < 0) {
            ended = true;
            return false;
        }
        length = n;
        position = 0;
        return true;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
