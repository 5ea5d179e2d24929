package io.switchboard.server.leadimport;

import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The imports this node ran, newest kept: a job lives in memory on the node that received its file, so
 * {@code GET /api/v1/imports/{id}} must go to that node (a load balancer's sticky session, or the node's own
 * address from {@code Location}). The rows themselves are in the database; only the report is lost on restart.
 */
final class ImportJobs {

  static final int KEPT = 200;

  private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
  private final Clock clock;

  ImportJobs(Clock clock) {
    this.clock = clock;
  }

  /** A new job, reading; the oldest finished jobs are forgotten past {@value #KEPT}. */
  ImportJob start(JsonObject target, long bytesTotal) {
    if (jobs.size() >= KEPT) {
      forgetOldestFinished();
    }
    ImportJob job = new ImportJob(UUID.randomUUID().toString(), target, bytesTotal, clock);
    jobs.put(job.id(), job);
    return job;
  }

  Optional<ImportJob> find(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  private void forgetOldestFinished() {
    Iterator<ImportJob> finished = jobs.values().stream()
        .filter(j -> j.state() == ImportJob.State.SUCCEEDED || j.state() == ImportJob.State.FAILED)
        .sorted((a, b) -> a.toJson().getString("startedAt").compareTo(b.toJson().getString("startedAt")))
        .iterator();
    while (jobs.size() >= KEPT && finished.hasNext()) {
      jobs.remove(finished.next().id());
    }
  }
}
