package io.switchboard.server.status;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The named checks behind {@code /status} and {@code /health/ready}. Checks run in parallel, each
 * bounded by the timeout; one that fails or hangs is reported {@code down}, never an HTTP 500.
 */
public final class StatusRegistry {

  private final List<StatusCheck> checks = new CopyOnWriteArrayList<>();
  private final Map<String, StatusCheck> byName = new ConcurrentHashMap<>();
  private final Duration timeout;

  public StatusRegistry(Duration timeout) {
    this.timeout = timeout;
  }

  /** Adds a check; names are unique. */
  public StatusRegistry register(StatusCheck check) {
    if (byName.putIfAbsent(check.name(), check) != null) {
      throw new IllegalArgumentException("a status check named '" + check.name() + "' is already registered");
    }
    checks.add(check);
    return this;
  }

  public List<StatusCheck> checks() {
    return List.copyOf(checks);
  }

  /** Runs every check (or only the required ones) and never fails. */
  public Future<StatusReport> run(boolean requiredOnly) {
    List<Future<DependencyStatus>> running = checks.stream()
        .filter(c -> !requiredOnly || c.requiredForReadiness())
        .map(this::runOne)
        .toList();
    return Future.join(running).map(done -> new StatusReport(running.stream().map(Future::result).toList()))
        .recover(neverHappens -> Future.succeededFuture(
            new StatusReport(running.stream().filter(Future::succeeded).map(Future::result).toList())));
  }

  private Future<DependencyStatus> runOne(StatusCheck check) {
    long started = System.nanoTime();
    Future<CheckResult> result;
    try {
      result = check.check().timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    return result
        .recover(failure -> Future.succeededFuture(CheckResult.down(describe(failure))))
        .map(r -> new DependencyStatus(check.name(), check.kind(), check.requiredForReadiness(), r,
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
  }

  private String describe(Throwable failure) {
    if (failure instanceof java.util.concurrent.TimeoutException) {
      return "no answer within " + timeout.toMillis() + " ms";
    }
    String message = failure.getMessage();
    return message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
  }
}
