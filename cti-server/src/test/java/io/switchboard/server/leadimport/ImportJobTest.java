package io.switchboard.server.leadimport;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.queue.dialer.leads.FileRefused;
import io.switchboard.queue.dialer.leads.ImportReport;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ImportJobTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T09:00:00Z"), ZoneOffset.UTC);

  @Test
  void aJobReadsThenWritesThenSucceedsAndSaysSoInItsJson() {
    ImportJob job = new ImportJobs(CLOCK).start(new JsonObject().put("kind", "leads").put("campaignId", "c1"), 100);

    assertThat(job.toJson().getString("state")).isEqualTo("reading");
    assertThat(job.toJson().getValue("rowsTotal")).isNull();
    job.writing(new ImportReport().snapshot());
    job.written(40);
    assertThat(job.toJson().getString("state")).isEqualTo("writing");
    assertThat(job.toJson().getLong("bytesRead")).isEqualTo(100);
    assertThat(job.toJson().getLong("rowsWritten")).isEqualTo(40);
    job.succeeded(new ImportReport().snapshot());

    JsonObject done = job.toJson();
    assertThat(done.getString("state")).isEqualTo("succeeded");
    assertThat(done.getString("campaignId")).isEqualTo("c1");
    assertThat(done.getString("endedAt")).isEqualTo("2026-11-24T09:00:00Z");
    assertThat(done.containsKey("failure")).isFalse();
  }

  @Test
  void aFileRefusedPartWayNamesItsRowAndByte() {
    ImportJob job = new ImportJobs(CLOCK).start(new JsonObject().put("kind", "dnc"), 10);

    job.refused(new FileRefused("encoding-not-utf8", "row 3: not UTF-8", OptionalInt.of(3), OptionalLong.of(41)),
        new ImportReport().snapshot());

    JsonObject failure = job.toJson().getJsonObject("failure");
    assertThat(job.state()).isEqualTo(ImportJob.State.FAILED);
    assertThat(failure.getString("errorId")).isEqualTo("encoding-not-utf8");
    assertThat(failure.getJsonObject("details")).isEqualTo(new JsonObject().put("row", 3).put("byteOffset", 41L));
  }

  @Test
  void finishedJobsAreForgottenOldestFirstPastTheLimit() {
    ImportJobs jobs = new ImportJobs(CLOCK);
    ImportJob running = jobs.start(new JsonObject(), 1);
    java.util.List<String> finished = new java.util.ArrayList<>();
    for (int i = 0; i < ImportJobs.KEPT + 10; i++) {
      ImportJob job = jobs.start(new JsonObject(), 1);
      job.succeeded(new ImportReport().snapshot());
      finished.add(job.id());
    }

    assertThat(jobs.find(running.id())).as("a running job is never forgotten").isPresent();
    assertThat(finished.stream().filter(id -> jobs.find(id).isPresent()).count()).isEqualTo(ImportJobs.KEPT - 1);
    assertThat(finished.subList(0, 11)).allSatisfy(id -> assertThat(jobs.find(id)).isEmpty());
    assertThat(finished.subList(11, finished.size())).allSatisfy(id -> assertThat(jobs.find(id)).isPresent());
    assertThat(jobs.find("nope")).isEmpty();
  }
}
