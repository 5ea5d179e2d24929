package io.switchboard.server.security;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Notes every change an admin or a supervisor makes for {@code admin_audit}: a POST, PUT, PATCH or DELETE by a
 * supervisor or an admin, unless they act on their own agent (a supervisor who is also an agent going on break).
 * That is every configuration change (rules ADMIN, SUPERVISOR) and every supervisor's act on an agent (forcing a
 * state, listen/whisper/barge, an agent's call). The entry is written once the answer is sent, with its status;
 * refusals before the route (401, 403, 413, 429) have no authorized caller and are not changes.
 */
final class AuditTrail implements Handler<RoutingContext> {

  private static final Set<HttpMethod> CHANGES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
      HttpMethod.DELETE);
  private static final String[] TARGETS = {"id", "username", "phone", "jobId"};

  private final Consumer<AuditEntry> writer;
  private final Clock clock;

  /** {@code writer} takes each entry once its answer is sent ({@link AuditWriter#record}). */
  AuditTrail(Consumer<AuditEntry> writer, Clock clock) {
    this.writer = writer;
    this.clock = clock;
  }

  @Override
  public void handle(RoutingContext ctx) {
    Caller caller = Callers.find(ctx).orElse(null);
    if (caller != null && caller.role() != Role.AGENT && CHANGES.contains(ctx.request().method())) {
      Map<String, String> params = ctx.get(SecurityHandler.PARAMS);
      String target = target(params == null ? Map.of() : params);
      if (!(target != null && caller.isAgent(target) && ctx.get(SecurityHandler.RULE) == Rule.AGENT_SELF)) {
        ctx.addEndHandler(done -> writer.accept(new AuditEntry(clock.instant(), caller.subject(),
            caller.role().wire(), ctx.request().method().name(), AuditRedaction.path(ctx.request().path()),
            target == null ? null : AuditRedaction.maskPhones(target), ctx.response().getStatusCode(),
            AuditRedaction.detail(ctx.body().buffer(), ctx.request().getHeader("content-type")))));
      }
    }
    ctx.next();
  }

  private static String target(Map<String, String> params) {
    for (String name : TARGETS) {
      String value = params.get(name);
      if (value != null) {
        return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
      }
    }
    return null;
  }
}
