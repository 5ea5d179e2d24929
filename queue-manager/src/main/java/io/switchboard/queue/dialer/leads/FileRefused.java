package io.switchboard.queue.dialer.leads;

import io.switchboard.core.Require;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Why a whole file is refused and nothing of it imported: it is empty, not UTF-8, not CSV, or its header lacks
 * {@code phone} or names a column nobody knows.
 *
 * @param errorId a stable slug: {@code file-empty}, {@code no-rows}, {@code encoding-not-utf8},
 *                {@code csv-unterminated-quote}, {@code csv-stray-quote}, {@code phone-column-missing},
 *                {@code column-unknown}, {@code column-duplicate}, {@code column-empty}
 * @param message for humans: names the row, column or byte
 * @param row     the CSV record (the header is row 1) where it was found, when it was in one
 * @param byteOffset the offset in the file of the first byte that is not UTF-8, for {@code encoding-not-utf8}
 */
public record FileRefused(String errorId, String message, OptionalInt row, OptionalLong byteOffset) {

    public FileRefused {
        Require.nonBlank(errorId, "errorId");
        Require.nonBlank(message, "message");
        Require.nonNull(row, "row");
        Require.nonNull(byteOffset, "byteOffset");
    }

    static FileRefused atRow(String errorId, int row, String message) {
        return new FileRefused(errorId, message, OptionalInt.of(row), OptionalLong.empty());
    }

    static FileRefused whole(String errorId, String message) {
        return new FileRefused(errorId, message, OptionalInt.empty(), OptionalLong.empty());
    }
}
