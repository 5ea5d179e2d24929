package io.switchboard.server.leadimport;

import io.switchboard.queue.dialer.leads.FileRefused;
import io.switchboard.queue.dialer.leads.ImportReport;
import io.switchboard.queue.dialer.leads.RowIssue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One import as it runs: written by the one worker that runs it, read by HTTP requests on an event loop, so every
 * method is synchronized (a few reads a second, nothing to contend for).
 */
final class ImportJob {

  /** Where an import is. */
  enum State {
    /** The rows are being read and checked; nothing is written yet. */
    READING,
    /** Every row was read and the import allowed; the rows are being written in one transaction. */
    WRITING,
    /** Written and committed; the report is final. */
    SUCCEEDED,
    /** Refused or failed; nothing was written. {@code failure} says why. */
    FAILED
  }

  /**
   * The message of a job whose write failed. The database's own message is only logged at debug: a duplicate-key
   * message quotes the phone number, and numbers are never logged or answered in full by accident.
   */
  static final String FAILED_WRITE = "the database refused the write (another import of the same numbers may have"
      + " committed first), so nothing was written; the node's debug log has the cause";

  private final String id;
  private final JsonObject target;
  private final long bytesTotal;
  private final Clock clock;
  private final Instant startedAt;
  private State state = State.READING;
  private long bytesRead;
  private long rowsTotal = -1;
  private long rowsWritten;
  private ImportReport.Snapshot report = new ImportReport().snapshot();
  private JsonObject failure;
  private Instant endedAt;

  /** {@code target}: what is imported into ({@code kind}, {@code campaignId}, {@code listId}, {@code source}...). */
  ImportJob(String id, JsonObject target, long bytesTotal, Clock clock) {
    this.id = id;
    this.target = target.copy();
    this.bytesTotal = bytesTotal;
    this.clock = clock;
    this.startedAt = clock.instant();
  }

  String id() {
    return id;
  }

  synchronized State state() {
    return state;
  }

  synchronized void reading(long bytes, ImportReport.Snapshot tally) {
    bytesRead = bytes;
    report = tally;
  }

  /**
   * The whole file was read into {@code tally}: with bad rows that may not be skipped the job fails
   * ({@code rows-rejected}) and nothing is written; otherwise it moves on to writing.
   *
   * @return whether the rows may be written
   */
  boolean read(ImportReport.Snapshot tally, boolean skipBadRows) {
    if (tally.skipped() > 0 && !skipBadRows) {
      failed("rows-rejected", tally.skipped() + " of " + tally.rowsRead() + " rows are bad, so nothing was"
          + " imported; fix them, or import with skipBadRows=true to leave them out",
          new JsonObject().put("errorCount", tally.errorCount()), tally);
      return false;
    }
    writing(tally);
    return true;
  }

  synchronized void writing(ImportReport.Snapshot tally) {
    state = State.WRITING;
    bytesRead = bytesTotal;
    report = tally;
    rowsTotal = tally.rowsRead();
  }

  synchronized void written(long rows) {
    rowsWritten = rows;
  }

  synchronized void succeeded(ImportReport.Snapshot tally) {
    report = tally;
    state = State.SUCCEEDED;
    endedAt = clock.instant();
  }

  /** The file was refused part-way (not UTF-8, broken CSV): nothing written. */
  synchronized void refused(FileRefused refusal, ImportReport.Snapshot tally) {
    JsonObject details = new JsonObject();
    refusal.row().ifPresent(row -> details.put("row", row));
    refusal.byteOffset().ifPresent(offset -> details.put("byteOffset", offset));
    failed(refusal.errorId(), refusal.message(), details, tally);
  }

  synchronized void failed(String errorId, String message, JsonObject details, ImportReport.Snapshot tally) {
    report = tally;
    failure = new JsonObject().put("errorId", errorId).put("message", message).put("details", details);
    state = State.FAILED;
    endedAt = clock.instant();
  }

  synchronized JsonObject toJson() {
    JsonObject json = new JsonObject().put("id", id).mergeIn(target).put("state", state.name().toLowerCase())
        .put("startedAt", startedAt.toString())
        .put("endedAt", Optional.ofNullable(endedAt).map(Instant::toString).orElse(null))
        .put("bytesRead", bytesRead).put("bytesTotal", bytesTotal)
        .put("rowsRead", report.rowsRead()).put("rowsTotal", rowsTotal < 0 ? null : rowsTotal)
        .put("rowsWritten", rowsWritten)
        .put("imported", report.imported()).put("skipped", report.skipped())
        .put("duplicates", report.duplicates()).put("dnc", report.dnc())
        .put("errorCount", report.errorCount()).put("errors", issues(report.errors()))
        .put("noticeCount", report.noticeCount()).put("notices", issues(report.notices()));
    return failure == null ? json : json.put("failure", failure);
  }

  private static JsonArray issues(List<RowIssue> issues) {
    JsonArray array = new JsonArray();
    issues.forEach(issue -> array.add(new JsonObject().put("row", issue.row()).put("column", issue.column())
        .put("reason", issue.reason()).put("message", issue.message())));
    return array;
  }
}
