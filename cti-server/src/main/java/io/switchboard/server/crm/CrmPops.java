package io.switchboard.server.crm;

import io.switchboard.core.call.PhoneNumber;
import io.switchboard.core.crm.ContactMatch;
import io.switchboard.core.crm.CrmLookup;
import io.switchboard.core.id.AgentId;
import io.switchboard.core.id.CallId;
import io.switchboard.core.port.CrmConnector;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The screen pop: when an agent is reserved for a caller, every enabled CRM is asked who holds the caller's
 * number, all at once, and the answers are published as one message on the event bus at
 * {@code switchboard.agent.<agentId>.pop}; the latest per agent is kept for {@code GET /api/v1/agents/{id}/pop}.
 * A CRM that finds exactly one record has it associated with the call's logs and, where the CRM pops from the
 * server (Zendesk Talk), opened in the agent's browser under the agent's user id there.
 *
 * <p>Nothing waits for this: {@link #reserved} starts the lookups and returns. A CRM that does not answer within
 * the lookup timeout counts as {@code Unavailable} ({@code crm-timeout}), so one slow CRM delays the pop by that
 * much at most and never the call. The pop carries the caller's number in full: the agent needs it; it is never
 * logged.
 */
public final class CrmPops {

  /** The event-bus address of an agent's pops. */
  public static String address(AgentId agent) {
    return "switchboard.agent." + agent.value() + ".pop";
  }

  private static final Logger LOG = LoggerFactory.getLogger(CrmPops.class);

  private final Vertx vertx;
  private final List<CrmConnector> connectors;
  private final AgentCrmUsers users;
  private final Duration lookupTimeout;
  private final Clock clock;
  private final Map<AgentId, JsonObject> latest = new ConcurrentHashMap<>();

  public CrmPops(Vertx vertx, List<CrmConnector> connectors, AgentCrmUsers users, Duration lookupTimeout,
      Clock clock) {
    this.vertx = vertx;
    this.connectors = List.copyOf(connectors);
    this.users = users;
    this.lookupTimeout = lookupTimeout;
    this.clock = clock;
  }

  /**
   * Looks {@code caller} up in every CRM and publishes the pop for {@code agent}; {@code matched} hears of each
   * CRM's unique record. Returns at once.
   */
  public void reserved(CallId call, AgentId agent, Optional<PhoneNumber> caller, Optional<String> queue,
      BiConsumer<CallId, ContactMatch> matched) {
    reserved(call, agent, caller, Optional.empty(), queue, matched);
  }

  /** As {@link #reserved(CallId, AgentId, Optional, Optional, BiConsumer)}, the pop also naming the number dialled. */
  public void reserved(CallId call, AgentId agent, Optional<PhoneNumber> caller, Optional<PhoneNumber> dialled,
      Optional<String> queue, BiConsumer<CallId, ContactMatch> matched) {
    List<Future<JsonObject>> answers = connectors.stream().map(crm -> lookup(crm, caller).map(answer -> {
      if (answer instanceof CrmLookup.Matched m && m.unique()) {
        matched.accept(call, m.matches().get(0));
        popServerSide(crm, agent, m.matches().get(0));
      }
      return PopJson.crm(crm.name(), answer);
    })).toList();
    Future.join(answers).onComplete(done -> {
      JsonArray crms = new JsonArray();
      answers.forEach(answer -> crms.add(answer.result()));
      JsonObject pop = PopJson.pop(call, agent, caller, dialled, queue, clock.instant(), crms);
      latest.put(agent, pop);
      vertx.eventBus().publish(address(agent), pop);
    });
  }

  /** The latest pop published for {@code agent}. */
  public Optional<JsonObject> latest(AgentId agent) {
    return Optional.ofNullable(latest.get(agent));
  }

  private Future<CrmLookup> lookup(CrmConnector crm, Optional<PhoneNumber> caller) {
    if (caller.isEmpty()) {
      return Future.succeededFuture(new CrmLookup.NoMatch());
    }
    try {
      return Future.fromCompletionStage(crm.lookup(caller.get()).toCompletableFuture()
          .orTimeout(lookupTimeout.toMillis(), TimeUnit.MILLISECONDS))
          .otherwise(failure -> unavailable(crm, failure));
    } catch (RuntimeException e) {
      return Future.succeededFuture(unavailable(crm, e));
    }
  }

  private static CrmLookup unavailable(CrmConnector crm, Throwable failure) {
    Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
    String errorId = cause instanceof java.util.concurrent.TimeoutException ? "crm-timeout" : "crm-failed";
    LOG.warn("event=crm-lookup-failed crm={} errorId={} reason={}", crm.name(), errorId,
        cause.getClass().getSimpleName());
    return new CrmLookup.Unavailable(errorId, cause.getClass().getSimpleName());
  }

  private void popServerSide(CrmConnector crm, AgentId agent, ContactMatch record) {
    Future.fromCompletionStage(users.of(agent)).onSuccess(ids -> {
      String userId = ids.get(crm.name());
      if (userId != null) {
        Future.fromCompletionStage(crm.popServerSide(userId, record)).onComplete(done -> {
          if (done.failed() || !done.result()) {
            LOG.debug("event=crm-server-pop-not-made crm={} agentId={}", crm.name(), agent);
          }
        });
      }
    });
  }
}
