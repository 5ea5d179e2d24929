package io.switchboard.queue.dialer.leads;

import java.io.IOException;
import java.util.Optional;

/**
 * A file of an import read one row at a time ({@link LeadFile}, {@link DncFile}), so an import job can read
 * either the same way and say how far it got.
 *
 * @param <L> what one row becomes
 */
public interface ImportFile<L> extends AutoCloseable {

    /** The next row; empty at the end of the file. A file that stops being UTF-8 or CSV is refused here. */
    Optional<L> next() throws FileRefusedException;

    /** How many bytes of the file have been read so far. */
    long bytesRead();

    @Override
    void close() throws IOException;
}
