package io.switchboard.server.desk;

import io.switchboard.core.id.PbxId;
import io.switchboard.server.cluster.PbxOwnership;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Desk commands between the nodes, over the clustered event bus: each node consumes the commands for the PBXs it
 * owns at {@link #address} (from when it gains a PBX until it loses it, as a {@link PbxOwnership.Listener}), and a
 * node that does not own a call's PBX {@linkplain #forward sends} the command there and waits for the answer. Only
 * members of the cluster can put messages on the bus; the sender has already checked the desk's token.
 *
 * <p>No owner answering (none registered, or it did not answer within {@link #TIMEOUT}) is 503
 * {@code pbx-owner-unreachable} naming the PBX; a consumer whose node no longer acts on the PBX (it was fenced and
 * has not unregistered yet) answers the same.
 */
final class DeskCommandBus implements PbxOwnership.Listener, DeskCommands.Forwarder {

  /** How long a forwarded command waits for the owner: the owner's own PBX command has its timeout within this. */
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final String UNREACHABLE = "pbx-owner-unreachable";
  private static final Logger LOG = LoggerFactory.getLogger(DeskCommandBus.class);

  private final Vertx vertx;
  private final Predicate<String> acting;
  private final Map<String, MessageConsumer<JsonObject>> consumers = new ConcurrentHashMap<>();
  private volatile Function<DeskOrder, Future<DeskCommands.Done>> owner;

  /** @param acting whether this node acts on a PBX now (its lease runs) */
  DeskCommandBus(Vertx vertx, Predicate<String> acting) {
    this.vertx = vertx;
    this.acting = acting;
  }

  /** The event-bus address of the desk commands for {@code pbx}, consumed by its owner. */
  static String address(PbxId pbx) {
    return "switchboard.desk.commands." + pbx.value();
  }

  /** What the owner does with a command it receives; until set, commands are answered as from no owner. */
  void carryOutWith(Function<DeskOrder, Future<DeskCommands.Done>> owner) {
    this.owner = owner;
  }

  @Override
  public void gained(String pbx, long epoch) {
    MessageConsumer<JsonObject> consumer = vertx.eventBus().consumer(address(PbxId.of(pbx)), this::received);
    MessageConsumer<JsonObject> before = consumers.put(pbx, consumer);
    if (before != null) {
      before.unregister();
    }
    consumer.completion().onSuccess(done -> LOG.info("event=desk-commands-consumed pbx={} epoch={}", pbx, epoch))
        .onFailure(failure -> LOG.warn("event=desk-commands-consumer-failed pbx={} reason={}", pbx,
            failure.toString()));
  }

  @Override
  public void lost(String pbx, long epoch, String reason) {
    MessageConsumer<JsonObject> consumer = consumers.remove(pbx);
    if (consumer != null) {
      consumer.unregister();
    }
  }

  @Override
  public Future<DeskCommands.Done> forward(PbxId pbx, DeskOrder order) {
    return vertx.eventBus().<JsonObject>request(address(pbx), order.toJson(),
        new DeliveryOptions().setSendTimeout(TIMEOUT.toMillis()))
        .map(reply -> decode(reply.body()))
        .recover(failure -> Future.succeededFuture(unreachable(pbx, order, failure instanceof ReplyException r
            ? r.failureType().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ": " + r.getMessage()
            : failure.toString())));
  }

  private void received(Message<JsonObject> message) {
    DeskOrder order;
    try {
      order = DeskOrder.fromJson(message.body());
    } catch (RuntimeException bad) {
      message.reply(encode(new DeskCommands.Done.Refused(400, "invalid-desk-command", bad.getMessage(),
          new JsonObject())));
      return;
    }
    Function<DeskOrder, Future<DeskCommands.Done>> carryOut = owner;
    PbxId pbx = DeskOrder.pbxOf(order.call()).orElse(PbxId.of("?"));
    if (carryOut == null || !acting.test(pbx.value())) {
      message.reply(encode(unreachable(pbx, order, "the node it reached does not act on the PBX now")));
      return;
    }
    carryOut.apply(order).onComplete(done -> message.reply(encode(done.succeeded() ? done.result()
        : new DeskCommands.Done.Refused(503, "pbx-unavailable", "the PBX could not be reached: "
            + done.cause().getMessage(), new JsonObject().put("callId", order.call().value())))));
  }

  static DeskCommands.Done.Refused unreachable(PbxId pbx, DeskOrder order, String why) {
    return new DeskCommands.Done.Refused(503, UNREACHABLE, "no node owning PBX '" + pbx.value() + "' answered ("
        + why + "); try again in a few seconds", new JsonObject().put("pbx", pbx.value())
        .put("callId", order.call().value()));
  }

  /** A {@link DeskCommands.Done} as the reply carries it. */
  static JsonObject encode(DeskCommands.Done done) {
    if (done instanceof DeskCommands.Done.Accepted accepted) {
      return new JsonObject().put("status", 202).put("body", accepted.body());
    }
    DeskCommands.Done.Refused refused = (DeskCommands.Done.Refused) done;
    return new JsonObject().put("status", refused.status()).put("errorId", refused.errorId())
        .put("message", refused.message()).put("details", refused.details());
  }

  static DeskCommands.Done decode(JsonObject reply) {
    int status = reply.getInteger("status", 502);
    if (status == 202 && reply.getJsonObject("body") != null) {
      return new DeskCommands.Done.Accepted(reply.getJsonObject("body"));
    }
    return new DeskCommands.Done.Refused(status, reply.getString("errorId", "pbx-refused"),
        reply.getString("message", ""), reply.getJsonObject("details", new JsonObject()));
  }
}
