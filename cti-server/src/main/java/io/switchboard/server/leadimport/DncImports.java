package io.switchboard.server.leadimport;

import io.switchboard.queue.dialer.leads.DncFile;
import io.switchboard.queue.dialer.leads.FileRefusedException;
import io.switchboard.queue.dialer.leads.ImportReport;
import io.switchboard.server.persistence.Database;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A do-not-call list file: read and checked whole on the import pool, then stored as source
 * {@code imported:<name>} in one transaction that first deletes that source's previous entries, so a list
 * refreshed every month never holds last month's leftovers. The gate reads the entries at every dial; leads
 * are not moved.
 */
final class DncImports {

  private static final Logger LOG = LoggerFactory.getLogger(DncImports.class);

  private final Database database;
  private final WorkerExecutor workers;
  private final ImportJobs jobs;
  private final Clock clock;

  DncImports(Database database, WorkerExecutor workers, ImportJobs jobs, Clock clock) {
    this.database = database;
    this.workers = workers;
    this.jobs = jobs;
    this.clock = clock;
  }

  /** Starts importing list {@code name}, numbers without {@code +} read in {@code region}, or says why not. */
  Future<StartOutcome> start(String name, String region, boolean skipBadRows, Supplier<InputStream> file,
      long bytes) {
    return workers.executeBlocking(() -> open(file.get(), region), false)
        .<StartOutcome>map(dncFile -> started(name, skipBadRows, dncFile, bytes))
        .recover(LeadImports.HeaderRefused::answer);
  }

  private StartOutcome started(String name, boolean skipBadRows, DncFile file, long bytes) {
    String source = DncRows.IMPORTED + name;
    ImportJob job = jobs.start(new JsonObject().put("kind", "dnc").put("source", source)
        .put("skipBadRows", skipBadRows), bytes);
    LOG.info("event=dnc-import-started job={} source={} bytes={}", job.id(), source, bytes);
    ImportReport report = new ImportReport();
    workers.executeBlocking(() -> read(job, file, report, skipBadRows), false)
        .compose(entries -> entries.isEmpty() ? Future.succeededFuture() : database.query(dsl -> {
          dsl.transaction(tx -> DncRows.replaceSource(tx.dsl(), source, entries.get(), clock.instant(),
              job::written));
          return null;
        }).onSuccess(done -> {
          job.succeeded(report.snapshot());
          LOG.info("event=dnc-import-done job={} source={} entries={}", job.id(), source, entries.get().size());
        }))
        .onFailure(failure -> {
          report.nothingImported();
          LOG.warn("event=dnc-import-failed job={} source={} failure={}", job.id(), source,
              failure.getClass().getSimpleName());
          LOG.debug("event=dnc-import-failed job={}", job.id(), failure);
          job.failed("import-failed", ImportJob.FAILED_WRITE, new JsonObject(), report.snapshot());
        });
    return new StartOutcome.Started(job);
  }

  private static Optional<Map<String, String>> read(ImportJob job, DncFile file, ImportReport report,
      boolean skipBadRows) throws Exception {
    Map<String, String> entries = new LinkedHashMap<>();
    boolean goOn = ImportReading.readAll(job, file, report, skipBadRows, row -> {
      boolean duplicate = row.number().isPresent() && entries.containsKey(row.number().get().e164());
      report.readDnc(row, duplicate);
      if (row.number().isPresent() && !duplicate) {
        entries.put(row.number().get().e164(), row.reason().orElse(""));
      }
    });
    return goOn ? Optional.of(entries) : Optional.empty();
  }

  private static DncFile open(InputStream in, String region) {
    try {
      return DncFile.open(in, region);
    } catch (FileRefusedException e) {
      throw new LeadImports.HeaderRefused(e.refusal());
    }
  }
}
