package io.switchboard.server.leadimport;

import io.switchboard.queue.dialer.leads.FileRefused;
import io.switchboard.queue.dialer.leads.FileRefusedException;
import io.switchboard.queue.dialer.leads.ImportReport;
import io.switchboard.queue.dialer.leads.ImportedLead;
import io.switchboard.queue.dialer.leads.LeadFile;
import io.switchboard.queue.dialer.leads.LeadLine;
import io.switchboard.queue.dialer.leads.LeadSorter;
import io.switchboard.server.http.ApiError;
import io.switchboard.server.persistence.Database;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A lead file into a campaign: the campaign and list are checked and the header read before answering; then
 * every row is read and checked on the import pool, and only when the whole file is good (or the caller asked to
 * skip bad rows) are the leads written, all in one transaction: an import is never half done.
 */
final class LeadImports {

  private static final Logger LOG = LoggerFactory.getLogger(LeadImports.class);

  private final Database database;
  private final WorkerExecutor workers;
  private final ImportJobs jobs;
  private final Clock clock;

  LeadImports(Database database, WorkerExecutor workers, ImportJobs jobs, Clock clock) {
    this.database = database;
    this.workers = workers;
    this.jobs = jobs;
    this.clock = clock;
  }

  /** Starts importing {@code file} ({@code bytes} long) into the campaign, or says why not. */
  Future<StartOutcome> start(String campaignId, Optional<String> listId, boolean skipBadRows,
      Supplier<InputStream> file, long bytes) {
    return database.query(dsl -> LeadRows.defaultRegion(dsl, campaignId)
            .map(region -> listId.filter(list -> !LeadRows.listOf(dsl, campaignId, list)).isPresent() ? "" : region))
        .compose(region -> {
          if (region.isEmpty()) {
            return Future.<StartOutcome>succeededFuture(new StartOutcome.Refused(404, new ApiError("campaign-not-found",
                "no campaign '" + campaignId + "'", new JsonObject().put("field", "id"))));
          }
          if (region.get().isEmpty()) {
            return Future.<StartOutcome>succeededFuture(new StartOutcome.Refused(404, new ApiError("list-not-found", "campaign '"
                + campaignId + "' has no list '" + listId.orElseThrow() + "'", new JsonObject().put("field", "list"))));
          }
          return workers.executeBlocking(() -> open(file.get(), region.get()), false)
              .<StartOutcome>map(leadFile -> started(campaignId, listId, skipBadRows, leadFile, bytes))
              .recover(HeaderRefused::answer);
        });
  }

  private StartOutcome started(String campaignId, Optional<String> listId, boolean skipBadRows, LeadFile file,
      long bytes) {
    ImportJob job = jobs.start(new JsonObject().put("kind", "leads").put("campaignId", campaignId)
        .put("listId", listId.orElse(null)).put("skipBadRows", skipBadRows), bytes);
    LOG.info("event=lead-import-started job={} campaign={} list={} bytes={}", job.id(), campaignId,
        listId.orElse("-"), bytes);
    ImportReport report = new ImportReport();
    workers.executeBlocking(() -> read(job, file, report, skipBadRows), false)
        .compose(leads -> leads.isEmpty() ? Future.succeededFuture()
            : write(job, campaignId, listId, leads.get(), report))
        .onFailure(failure -> {
          report.nothingImported();
          LOG.warn("event=lead-import-failed job={} campaign={} failure={}", job.id(), campaignId,
              failure.getClass().getSimpleName());
          LOG.debug("event=lead-import-failed job={}", job.id(), failure);
          job.failed("import-failed", ImportJob.FAILED_WRITE, new JsonObject(), report.snapshot());
        });
    return new StartOutcome.Started(job);
  }

  /** Every row read and checked; empty when the job ended here (refused, or bad rows and no skipping). */
  private static Optional<List<ImportedLead>> read(ImportJob job, LeadFile file, ImportReport report,
      boolean skipBadRows) throws Exception {
    List<ImportedLead> leads = new ArrayList<>();
    boolean goOn = ImportReading.readAll(job, file, report, skipBadRows, line -> {
      report.read(line);
      if (line instanceof LeadLine.Parsed parsed) {
        leads.add(parsed.lead());
      }
    });
    return goOn ? Optional.of(leads) : Optional.empty();
  }

  private Future<Void> write(ImportJob job, String campaignId, Optional<String> listId, List<ImportedLead> leads,
      ImportReport report) {
    Instant now = clock.instant();
    return database.query(dsl -> {
      dsl.transaction(tx -> {
        List<String> phones = leads.stream().map(l -> l.number().e164()).toList();
        LeadSorter sorter = new LeadSorter(LeadRows.inCampaign(tx.dsl(), campaignId, phones)::contains,
            LeadRows.onDnc(tx.dsl(), campaignId, phones, now)::contains);
        Map<LeadSorter.Fate, List<ImportedLead>> byFate = new HashMap<>();
        for (ImportedLead lead : leads) {
          LeadSorter.Fate fate = sorter.sort(lead);
          report.sorted(lead, fate);
          byFate.computeIfAbsent(fate, f -> new ArrayList<>()).add(lead);
        }
        List<ImportedLead> fresh = byFate.getOrDefault(LeadSorter.Fate.NEW, List.of());
        LeadRows.insert(tx.dsl(), campaignId, listId, fresh, "new", now, 0, job::written);
        LeadRows.insert(tx.dsl(), campaignId, listId, byFate.getOrDefault(LeadSorter.Fate.DNC, List.of()), "dnc",
            now, fresh.size(), job::written);
      });
      return null;
    }).map(done -> {
      ImportReport.Snapshot tally = report.snapshot();
      job.succeeded(tally);
      LOG.info("event=lead-import-done job={} campaign={} rows={} imported={} dnc={} duplicates={} skipped={}",
          job.id(), campaignId, tally.rowsRead(), tally.imported(), tally.dnc(), tally.duplicates(), tally.skipped());
      return null;
    });
  }

  private static LeadFile open(InputStream in, String region) {
    try {
      return LeadFile.open(in, region);
    } catch (FileRefusedException e) {
      throw new HeaderRefused(e.refusal());
    }
  }

  /** The header (or the whole file) was refused before a job started; answered 400. */
  static final class HeaderRefused extends RuntimeException {
    private final transient FileRefused refusal;

    HeaderRefused(FileRefused refusal) {
      super(refusal.message(), null, false, false);
      this.refusal = refusal;
    }

    /** A {@link HeaderRefused} as a 400 naming the row (and byte); any other failure stays a failure. */
    static Future<StartOutcome> answer(Throwable failure) {
      if (!(failure instanceof HeaderRefused refused)) {
        return Future.failedFuture(failure);
      }
      JsonObject details = new JsonObject();
      refused.refusal.row().ifPresent(row -> details.put("row", row));
      refused.refusal.byteOffset().ifPresent(offset -> details.put("byteOffset", offset));
      return Future.succeededFuture(new StartOutcome.Refused(400, new ApiError(refused.refusal.errorId(),
          refused.refusal.message(), details)));
    }
  }
}
