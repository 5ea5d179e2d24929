package io.switchboard.server.crm;

import io.switchboard.core.id.AgentId;
import io.switchboard.server.cluster.OwnerRequests;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wrap-up of a call whose log this node does not hold: in a cluster a call's log is kept by the node that routed
 * it, the owner of its PBX, so a wrap-up sent to another node asks the owners of the PBXs it does not act on, in
 * configuration order, until one holds a log waiting for the agent's wrap-up (docs/cluster.md, "Commands through any
 * node"). Each owner answers such asks from its own {@link CrmCalls}.
 */
final class WrapUpsElsewhere {

  static final String KIND = "crm-wrap-up";

  /** This node's wrap-up of the agent's latest ended call ({@link CrmCalls#wrapUp}). */
  @FunctionalInterface
  interface WrapUp {
    /** False when this node holds no log waiting for the agent's wrap-up. */
    boolean wrapUp(AgentId agent, Optional<String> disposition, Optional<String> notes);
  }

  /** A node on its own: no other node holds logs. */
  static final WrapUpsElsewhere NONE = new WrapUpsElsewhere(null, pbx -> true, List.of());
  private static final Logger LOG = LoggerFactory.getLogger(WrapUpsElsewhere.class);

  private final OwnerRequests owners;
  private final Predicate<String> acting;
  private final List<String> pbxs;

  private WrapUpsElsewhere(OwnerRequests owners, Predicate<String> acting, List<String> pbxs) {
    this.owners = owners;
    this.acting = acting;
    this.pbxs = List.copyOf(pbxs);
  }

  /** Asks through {@code owners}, and answers their asks with {@code calls}. */
  static WrapUpsElsewhere through(OwnerRequests owners, Predicate<String> acting, List<String> pbxs, WrapUp calls) {
    owners.serve(KIND, request -> Future.succeededFuture(new JsonObject().put("status", calls.wrapUp(
        AgentId.of(request.getString("agentId")), Optional.ofNullable(request.getString("disposition")),
        Optional.ofNullable(request.getString("notes"))) ? 202 : 409)));
    return new WrapUpsElsewhere(owners, acting, pbxs);
  }

  /** True once an owner took the wrap-up; false when none holds a log waiting for it (or none answered). */
  Future<Boolean> wrapUp(AgentId agent, Optional<String> disposition, Optional<String> notes) {
    if (owners == null) {
      return Future.succeededFuture(false);
    }
    JsonObject request = new JsonObject().put("agentId", agent.value()).put("disposition", disposition.orElse(null))
        .put("notes", notes.orElse(null));
    return ask(pbxs.stream().filter(pbx -> !acting.test(pbx)).toList(), 0, agent, request);
  }

  private Future<Boolean> ask(List<String> targets, int next, AgentId agent, JsonObject request) {
    if (next >= targets.size()) {
      return Future.succeededFuture(false);
    }
    String pbx = targets.get(next);
    return owners.ask(pbx, KIND, request).compose(answer -> {
      if (answer.getInteger("status", 409) == 202) {
        LOG.info("event=crm-wrap-up-forwarded agentId={} pbx={}", agent, pbx);
        return Future.succeededFuture(true);
      }
      return ask(targets, next + 1, agent, request);
    });
  }
}
