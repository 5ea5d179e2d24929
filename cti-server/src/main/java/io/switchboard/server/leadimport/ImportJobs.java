package io.switchboard.server.leadimport;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The imports this node ran, newest kept: a job lives in memory on the node that received its file, so
 * {@code GET /api/v1/imports/{id}} must go to that node (a load balancer's sticky session, or the node's own
 * address from {@code Location}). The rows themselves are in the database; only the report is lost on restart.
 */
final class ImportJobs {

  static final int KEPT = 200;

  /** In the order the jobs started; guarded by {@code this}. */
  private final Map<String, ImportJob> jobs = new LinkedHashMap<>();
  private final Clock clock;

  ImportJobs(Clock clock) {
    this.clock = clock;
  }

  /** A new job, reading; the oldest finished jobs are forgotten past {@value #KEPT}. */
  synchronized ImportJob start(JsonObject target, long bytesTotal) {
    if (jobs.size() >= KEPT) {
      forgetOldestFinished();
    }
    ImportJob job = new ImportJob(UUID.randomUUID().toString(), target, bytesTotal, clock);
    jobs.put(job.id(), job);
    return job;
  }

  synchronized Optional<ImportJob> find(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  private void forgetOldestFinished() {
    Iterator<ImportJob> oldestFirst = jobs.values().iterator();
    while (jobs.size() >= KEPT && oldestFirst.hasNext()) {
      ImportJob.State state = oldestFirst.next().state();
      if (state == ImportJob.State.SUCCEEDED || state == ImportJob.State.FAILED) {
        oldestFirst.remove();
      }
    }
  }
}
