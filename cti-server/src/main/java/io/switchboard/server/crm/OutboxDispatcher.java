package io.switchboard.server.crm;

import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.CrmLogResult;
import io.switchboard.core.port.CrmConnector;
import io.switchboard.core.retry.RetryPolicy;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the outbox's due call logs to their CRMs: claims a batch ({@link JooqCrmOutbox#claim}), calls each row's
 * connector, and records what it answered through {@link OutboxStep#after}. Several nodes run one each; the claim
 * keeps them from sending a row at the same time. Nothing here blocks: the database work runs on its worker pool
 * and the connectors answer asynchronously; a connector that does not answer within the call timeout counts as
 * a retryable {@code crm-timeout}.
 */
public final class OutboxDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);

  private final JooqCrmOutbox outbox;
  private final Map<String, CrmConnector> connectors;
  private final RetryPolicy policy;
  private final OutboxSettings settings;
  private final Clock clock;
  private final AtomicBoolean running = new AtomicBoolean();

  public OutboxDispatcher(JooqCrmOutbox outbox, List<CrmConnector> connectors, OutboxSettings settings, Clock clock,
      RandomGenerator random) {
    this.outbox = outbox;
    this.connectors = new LinkedHashMap<>();
    connectors.forEach(connector -> this.connectors.put(connector.name(), connector));
    this.settings = settings;
    this.policy = RetryPolicy.exponential(settings.baseDelay(), settings.maxDelay(), settings.maxAttempts(), random);
    this.clock = clock;
  }

  /** Looks for due rows every poll interval, a pass at a time; returns the timer id. */
  public long start(Vertx vertx) {
    return vertx.setPeriodic(settings.pollInterval().toMillis(), id -> {
      if (running.compareAndSet(false, true)) {
        drain().onComplete(done -> {
          running.set(false);
          if (done.failed()) {
            LOG.warn("event=crm-outbox-pass-failed reason={}", done.cause().toString());
          }
        });
      }
    });
  }

  /** Sends batches until none is due; the number of rows sent. */
  public Future<Integer> drain() {
    return drain(0);
  }

  private Future<Integer> drain(int sentBefore) {
    return dispatchOnce().compose(sent -> sent < settings.batch()
        ? Future.succeededFuture(sentBefore + sent) : drain(sentBefore + sent));
  }

  /** Claims one batch of due rows, sends them, and records the answers; the number of rows claimed. */
  public Future<Integer> dispatchOnce() {
    Instant now = clock.instant();
    return outbox.claim(connectors.keySet(), settings.batch(), now, settings.lease())
        .compose(claimed -> Future.all(claimed.stream().map(this::send).toList())
            .compose(all -> {
              Map<Long, OutboxStep> steps = new LinkedHashMap<>();
              for (int i = 0; i < claimed.size(); i++) {
                steps.put(claimed.get(i).id(), all.resultAt(i));
              }
              return outbox.record(steps, clock.instant()).map(done -> claimed.size());
            }));
  }

  private Future<OutboxStep> send(JooqCrmOutbox.Claimed row) {
    if (row.log().isEmpty()) {
      LOG.error("event=crm-log-unreadable connector={} key={} reason={}", row.connector(), row.idempotencyKey(),
          row.unreadable());
      return Future.succeededFuture(new OutboxStep.Failed(OutboxStep.error("unreadable-row", row.unreadable())));
    }
    CallLog log = row.log().get();
    return Future.fromCompletionStage(call(connectors.get(row.connector()), log))
        .otherwise(failure -> new CrmLogResult.NotLogged("crm-timeout".equals(kind(failure)) ? "crm-timeout"
            : "connector-failed", failure.getClass().getSimpleName(), true))
        .map(answer -> {
          OutboxStep step = OutboxStep.after(answer, row.attempts(), policy, clock.instant());
          log(row, step);
          return step;
        });
  }

  private CompletionStage<CrmLogResult> call(CrmConnector connector, CallLog log) {
    try {
      return connector.logCall(log).toCompletableFuture()
          .orTimeout(settings.callTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (RuntimeException e) {
      return Future.<CrmLogResult>failedFuture(e).toCompletionStage();
    }
  }

  private static String kind(Throwable failure) {
    Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
        ? failure.getCause() : failure;
    return cause instanceof java.util.concurrent.TimeoutException ? "crm-timeout" : "connector-failed";
  }

  private static void log(JooqCrmOutbox.Claimed row, OutboxStep step) {
    if (step instanceof OutboxStep.Logged logged) {
      LOG.info("event=crm-call-logged connector={} key={} attempts={} record={}", row.connector(),
          row.idempotencyKey(), row.attempts(), logged.recordId());
    } else if (step instanceof OutboxStep.Retry retry) {
      LOG.debug("event=crm-call-log-retry connector={} key={} attempts={} at={} error={}", row.connector(),
          row.idempotencyKey(), row.attempts(), retry.at(), retry.error());
    } else {
      LOG.warn("event=crm-call-log-failed connector={} key={} attempts={} error={}", row.connector(),
          row.idempotencyKey(), row.attempts(), ((OutboxStep.Failed) step).error());
    }
  }
}
