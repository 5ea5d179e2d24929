package io.switchboard.server.crm;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.CallLog;
import io.switchboard.core.crm.ContactMatch;
import io.switchboard.core.crm.CrmLogResult;
import io.switchboard.core.crm.CrmLookup;
import io.switchboard.core.port.CrmConnector;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A CRM that keeps the contract: it creates at most one record per idempotency key and answers {@code Logged}
 * with the existing record when asked again. It can refuse until a time, lose one answer, answer late on another
 * thread, and it counts what it was asked.
 */
final class FakeCrm implements CrmConnector {

  private final String name;
  private final Clock clock;
  private volatile Instant refuseUntil = Instant.MIN;
  private volatile Executor answerOn = Runnable::run;
  private volatile Function<PhoneNumber, CrmLookup> lookups = number -> new CrmLookup.NoMatch();
  private volatile Function<CallLog, CrmLogResult> verdict;
  private final Set<String> loseAnswerFor = ConcurrentHashMap.newKeySet();
  /** Records created, one per key at most (the contract), and how often each key was sent once the CRM was up. */
  final Set<String> records = ConcurrentHashMap.newKeySet();
  final Map<String, AtomicInteger> acceptedSends = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
  final AtomicInteger mostAtOnceForOneKey = new AtomicInteger();
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger lookupsAsked = new AtomicInteger();
  final List<String> pops = new java.util.concurrent.CopyOnWriteArrayList<>();

  FakeCrm(String name, Clock clock) {
    this.name = name;
    this.clock = clock;
  }

  FakeCrm refusingUntil(Instant until) {
    refuseUntil = until;
    return this;
  }

  FakeCrm losingTheAnswerOnceFor(String key) {
    loseAnswerFor.add(key);
    return this;
  }

  FakeCrm answeringOn(Executor executor) {
    answerOn = executor;
    return this;
  }

  /** Answers every log with {@code verdict} instead (refusals the test chooses). */
  FakeCrm answering(Function<CallLog, CrmLogResult> verdict) {
    this.verdict = verdict;
    return this;
  }

  FakeCrm finding(Function<PhoneNumber, CrmLookup> answer) {
    lookups = answer;
    return this;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CompletionStage<CrmLookup> lookup(PhoneNumber number) {
    lookupsAsked.incrementAndGet();
    return CompletableFuture.completedFuture(lookups.apply(number));
  }

  @Override
  public CompletionStage<Boolean> popServerSide(String crmUserId, ContactMatch record) {
    pops.add(crmUserId + " " + record.contactId());
    return CompletableFuture.completedFuture(true);
  }

  @Override
  public CompletionStage<CrmLogResult> logCall(CallLog log) {
    calls.incrementAndGet();
    String key = log.idempotencyKey();
    int now = inFlight.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    mostAtOnceForOneKey.accumulateAndGet(now, Math::max);
    if (verdict != null) {
      inFlight.get(key).decrementAndGet();
      return CompletableFuture.completedFuture(verdict.apply(log));
    }
    return CompletableFuture.supplyAsync(() -> answer(key), answerOn).thenCompose(answer -> answer);
  }

  private CompletionStage<CrmLogResult> answer(String key) {
    try {
      if (clock.instant().isBefore(refuseUntil)) {
        return CompletableFuture.completedFuture(new CrmLogResult.NotLogged("crm-unavailable", "503 from "
            + name, true));
      }
      acceptedSends.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
      records.add(key);
      if (loseAnswerFor.remove(key)) {
        return new CompletableFuture<>();
      }
      return CompletableFuture.completedFuture(new CrmLogResult.Logged("rec-" + key));
    } finally {
      inFlight.get(key).decrementAndGet();
    }
  }
}
