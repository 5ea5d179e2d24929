package io.switchboard.server.queuelog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The queue_log file on a real file system: lines as Asterisk writes them, kept while the disk is away. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class QueueLogFileIT {

  private static final Instant T0 = Instant.parse("2026-11-24T09:00:00Z");
  private static final Duration RETRY = Duration.ofMillis(10);

  @TempDir
  Path dir;

  @Test
  void rows_are_appended_after_the_lines_already_in_the_file_one_line_each_in_order() throws IOException {
    Path file = dir.resolve("queue_log");
    Files.writeString(file, "1700000000|NONE|NONE|NONE|QUEUESTART|\n");
    QueueLogFile log = QueueLogFile.start(file, 100, RETRY);

    log.append(List.of(row(1), row(2)));
    log.append(List.of(row(3)));
    log.close(Duration.ofSeconds(5));

    assertThat(Files.readAllLines(file)).containsExactly("1700000000|NONE|NONE|NONE|QUEUESTART|",
        line(1), line(2), line(3));
  }

  @Test
  void rows_given_while_the_file_cannot_be_written_are_written_once_it_can() throws IOException {
    Path missing = dir.resolve("not-mounted-yet");
    Path file = missing.resolve("queue_log");
    QueueLogFile log = QueueLogFile.start(file, 100, RETRY);

    log.append(List.of(row(1), row(2)));
    until(() -> log.failedWrites() >= 2);
    log.append(List.of(row(3)));
    Files.createDirectory(missing);
    log.close(Duration.ofSeconds(5));

    assertThat(Files.readAllLines(file)).containsExactly(line(1), line(2), line(3));
  }

  @Test
  void only_rows_given_while_the_buffer_is_full_are_lost_and_the_earlier_ones_are_kept() throws IOException {
    Path missing = dir.resolve("full-disk");
    Path file = missing.resolve("queue_log");
    QueueLogFile log = QueueLogFile.start(file, 2, RETRY);
    log.append(List.of(row(1)));
    until(() -> log.failedWrites() >= 1); // row 1 is in the writer's hands, the buffer is empty

    log.append(IntStream.rangeClosed(2, 5).mapToObj(QueueLogFileIT::row).toList());
    Files.createDirectory(missing);
    log.close(Duration.ofSeconds(5));

    assertThat(Files.readAllLines(file)).containsExactly(line(1), line(2), line(3));
  }

  private static QueueLogRow row(int n) {
    return QueueLogRow.of(T0.plusSeconds(n), "call-" + n, "support", "NONE", "ABANDON", "1", "1", String.valueOf(n));
  }

  private static String line(int n) {
    return (T0.getEpochSecond() + n) + "|call-" + n + "|support|NONE|ABANDON|1|1|" + n;
  }

  private static void until(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited 10 s for the writer").isLessThan(deadline);
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }
}
