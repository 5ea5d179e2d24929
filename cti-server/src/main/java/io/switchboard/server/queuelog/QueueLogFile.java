package io.switchboard.server.queuelog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asterisk's {@code queue_log} file: each row appended as one line ({@link QueueLogRow#line()}) and flushed, by
 * one thread of its own ({@code queue-log-writer}), so callers on an event loop only hand rows over.
 *
 * <p>A failed write closes the file and retries the same row every {@code retryDelay}, reopening the file, so
 * a disk that is briefly full or unmounted loses nothing: rows wait in a buffer of {@code capacity} rows. Only
 * rows given while that buffer is full are dropped; each outage is logged once when it starts and once when it
 * ends, with how many rows waited and how many were dropped. Rows are never logged themselves: ENTERQUEUE
 * carries the caller's number.
 */
public final class QueueLogFile implements QueueLogSink, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(QueueLogFile.class);

  private final Path path;
  private final Duration retryDelay;
  private final LinkedBlockingQueue<QueueLogRow> waiting;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failedWrites = new AtomicLong();
  private final Thread writer;
  private volatile boolean closing;
  private BufferedWriter out;

  private QueueLogFile(Path path, int capacity, Duration retryDelay) {
    this.path = path;
    this.retryDelay = retryDelay;
    this.waiting = new LinkedBlockingQueue<>(capacity);
    this.writer = new Thread(this::run, "queue-log-writer");
    this.writer.setDaemon(true);
  }

  /** Starts writing to {@code path}, keeping up to {@code capacity} rows while the file cannot be written. */
  public static QueueLogFile start(Path path, int capacity, Duration retryDelay) {
    QueueLogFile file = new QueueLogFile(path, capacity, retryDelay);
    file.writer.start();
    return file;
  }

  @Override
  public void append(List<QueueLogRow> rows) {
    for (QueueLogRow row : rows) {
      if (!waiting.offer(row) && dropped.getAndIncrement() == 0) {
        LOG.warn("event=queue-log-file-full path={} waiting={} action=dropping-new-rows", path, waiting.size());
      }
    }
  }

  /** How many writes failed since the start (each retry counts). */
  long failedWrites() {
    return failedWrites.get();
  }

  /**
   * Writes the rows still waiting, for at most {@code timeout}, then stops the writer; rows it could not
   * write in time are counted in a warning.
   */
  public void close(Duration timeout) {
    closing = true;
    try {
      writer.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (writer.isAlive()) {
      writer.interrupt();
      LOG.warn("event=queue-log-file-closed-unwritten path={} unwritten={}", path, waiting.size() + 1);
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }

  private void run() {
    try {
      while (!closing || !waiting.isEmpty()) {
        QueueLogRow row = waiting.poll(100, TimeUnit.MILLISECONDS);
        if (row != null) {
          writeUntilDone(row);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly();
    }
  }

  private void writeUntilDone(QueueLogRow row) throws InterruptedException {
    boolean failing = false;
    while (true) {
      try {
        if (out == null) {
          out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
              StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        }
        out.write(row.line());
        out.write('\n');
        out.flush();
        if (failing) {
          LOG.warn("event=queue-log-file-writable-again path={} waiting={} dropped={}", path, waiting.size(),
              dropped.getAndSet(0));
        }
        return;
      } catch (IOException e) {
        failedWrites.incrementAndGet();
        closeQuietly();
        if (!failing) {
          LOG.warn("event=queue-log-file-unwritable path={} waiting={} retryMs={} reason={}", path,
              waiting.size() + 1, retryDelay.toMillis(), e.toString());
          failing = true;
        }
        TimeUnit.MILLISECONDS.sleep(retryDelay.toMillis()); // this thread's own wait, never an event loop's
      }
    }
  }

  private void closeQuietly() {
    if (out != null) {
      try {
        out.close();
      } catch (IOException e) {
        LOG.debug("event=queue-log-file-close-failed path={} reason={}", path, e.toString());
      }
      out = null;
    }
  }
}
