package io.switchboard.server.cluster;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests for the node that owns a PBX, over the clustered event bus (docs/cluster.md, "Commands through any
 * node"): each node consumes {@link #address} of every PBX it owns, from when it gains the PBX until it loses it
 * (a {@link PbxOwnership.Listener}), and any node can {@linkplain #ask ask} the owner of a PBX to do something of a
 * {@linkplain #serve served} kind. Only members of the cluster can put messages on the bus; the node that took the
 * HTTP request has checked the caller's token before it asks.
 *
 * <p>A request and its answer are JSON. An answer is what the API would answer: {@code {status, body}} or
 * {@code {status, errorId, message, details}}. No owner answering (none consuming, or none within {@link #TIMEOUT})
 * is the answer 503 {@value #UNREACHABLE} naming the PBX; so is a consumer whose node no longer acts on the PBX
 * (fenced, and not yet told).
 */
public final class OwnerRequests implements PbxOwnership.Listener {

  /** How long an asker waits for the owner: the owner's own PBX commands time out within this. */
  public static final Duration TIMEOUT = Duration.ofSeconds(10);
  /** The errorId of an answer no owner gave. */
  public static final String UNREACHABLE = "pbx-owner-unreachable";
  private static final String KIND = "kind";
  private static final Logger LOG = LoggerFactory.getLogger(OwnerRequests.class);

  private final Vertx vertx;
  private final Predicate<String> acting;
  private final Map<String, MessageConsumer<JsonObject>> consumers = new ConcurrentHashMap<>();
  private final Map<String, Function<JsonObject, Future<JsonObject>>> kinds = new ConcurrentHashMap<>();

  /** @param acting whether this node acts on a PBX now (its lease runs) */
  public OwnerRequests(Vertx vertx, Predicate<String> acting) {
    this.vertx = vertx;
    this.acting = acting;
  }

  /** The event-bus address of the requests for {@code pbx}'s owner. */
  public static String address(String pbx) {
    return "switchboard.owner-requests." + pbx;
  }

  /** Requests of {@code kind} that reach this node as an owner are answered by {@code handler}. */
  public OwnerRequests serve(String kind, Function<JsonObject, Future<JsonObject>> handler) {
    kinds.put(kind, handler);
    return this;
  }

  /** The answer of {@code pbx}'s owner to {@code request} of {@code kind}; never failed. */
  public Future<JsonObject> ask(String pbx, String kind, JsonObject request) {
    return vertx.eventBus().<JsonObject>request(address(pbx), request,
        new DeliveryOptions().setSendTimeout(TIMEOUT.toMillis()).addHeader(KIND, kind))
        .map(Message::body)
        .recover(failure -> Future.succeededFuture(unreachable(pbx, failure instanceof ReplyException r
            ? r.failureType().name().toLowerCase(Locale.ROOT).replace('_', '-') + ": " + r.getMessage()
            : failure.toString())));
  }

  @Override
  public void gained(String pbx, long epoch) {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(address(pbx), message -> received(pbx, message));
    MessageConsumer<JsonObject> before = consumers.put(pbx, consumer);
    if (before != null) {
      before.unregister();
    }
    consumer.completion().onSuccess(done -> LOG.info("event=owner-requests-consumed pbx={} epoch={}", pbx, epoch))
        .onFailure(failure -> LOG.warn("event=owner-requests-consumer-failed pbx={} reason={}", pbx,
            failure.toString()));
  }

  @Override
  public void lost(String pbx, long epoch, String reason) {
    MessageConsumer<JsonObject> consumer = consumers.remove(pbx);
    if (consumer != null) {
      consumer.unregister();
    }
  }

  private void received(String pbx, Message<JsonObject> message) {
    Function<JsonObject, Future<JsonObject>> handler = kinds.get(String.valueOf(message.headers().get(KIND)));
    if (handler == null || !acting.test(pbx)) {
      message.reply(unreachable(pbx, handler == null ? "the node reached does not serve "
          + message.headers().get(KIND) + " requests" : "the node reached does not act on the PBX now"));
      return;
    }
    Future<JsonObject> answer;
    try {
      answer = handler.apply(message.body());
    } catch (IllegalArgumentException | NullPointerException bad) {
      answer = Future.succeededFuture(new JsonObject().put("status", 400).put("errorId", "invalid-owner-request")
          .put("message", bad.getMessage()).put("details", new JsonObject()));
    }
    answer.onComplete(done -> message.reply(done.succeeded() ? done.result() : new JsonObject().put("status", 503)
        .put("errorId", "pbx-unavailable").put("message", "the PBX could not be reached: " + done.cause().getMessage())
        .put("details", new JsonObject().put("pbx", pbx))));
  }

  /** The answer when no node owning {@code pbx} answered, saying {@code why}. */
  public static JsonObject unreachable(String pbx, String why) {
    return new JsonObject().put("status", 503).put("errorId", UNREACHABLE).put("message", "no node owning PBX '"
        + pbx + "' answered (" + why + "); try again in a few seconds").put("details", new JsonObject()
        .put("pbx", pbx));
  }
}
