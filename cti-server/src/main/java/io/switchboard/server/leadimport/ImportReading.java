package io.switchboard.server.leadimport;

import io.switchboard.queue.dialer.leads.FileRefusedException;
import io.switchboard.queue.dialer.leads.ImportFile;
import io.switchboard.queue.dialer.leads.ImportReport;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * How an import job reads its file, whatever the file holds (leads, DNC numbers): every row to {@code each},
 * the job's progress every {@link #PROGRESS_EVERY} rows, then the job told the file was read. Blocking: runs on
 * the import pool.
 */
final class ImportReading {

  /** How many rows are read between two updates of the job's progress. */
  static final int PROGRESS_EVERY = 1000;

  private ImportReading() {}

  /**
   * Reads {@code file} to its end and closes it.
   *
   * @return whether the job goes on to writing: false when the file was refused part-way, or had bad rows and
   *     {@code skipBadRows} is false (the job has then ended, saying why)
   */
  static <L> boolean readAll(ImportJob job, ImportFile<L> file, ImportReport report, boolean skipBadRows,
      Consumer<L> each) throws IOException {
    long rows = 0;
    try (file) {
      for (var line = file.next(); line.isPresent(); line = file.next()) {
        each.accept(line.get());
        if (++rows % PROGRESS_EVERY == 0) {
          job.reading(file.bytesRead(), report.snapshot());
        }
      }
    } catch (FileRefusedException e) {
      job.refused(e.refusal(), report.snapshot());
      return false;
    }
    return job.read(report.snapshot(), skipBadRows);
  }
}
