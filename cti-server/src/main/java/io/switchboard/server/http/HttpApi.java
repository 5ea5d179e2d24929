package io.switchboard.server.http;

import io.switchboard.server.agent.AgentRegistry;
import io.switchboard.server.compliance.DialAuditHistory;
import io.switchboard.server.compliance.DialAuditRoutes;
import io.switchboard.server.campaign.CampaignRoutes;
import io.switchboard.server.kpi.Kpis;
import io.switchboard.server.metrics.HttpRequestMetrics;
import io.switchboard.server.metrics.ServerMetrics;
import io.switchboard.server.routing.InboundRouting;
import io.switchboard.server.security.Security;
import io.switchboard.server.status.StatusRegistry;
import io.vertx.core.Vertx;
import com.hazelcast.splitbrainprotection.SplitBrainProtectionException;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every HTTP route of a node: index page, health, status, metrics, the OpenAPI document and
 * {@code /api/v1}. The OpenAPI document at {@value #OPENAPI_PATH} describes all of them.
 */
public final class HttpApi {

  /** The stable address of the OpenAPI 3 document. */
  public static final String OPENAPI_PATH = "/api/openapi.yaml";

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);

  private final StatusRegistry status;
  private final ServerMetrics metrics;
  private final AgentRegistry agents;
  private final Optional<InboundRouting> routing;
  private final Security security;
  private Optional<Kpis> kpis = Optional.empty();
  private Optional<DialAuditHistory> dialAudit = Optional.empty();
  private Optional<CampaignRoutes> campaigns = Optional.empty();
  private final List<Consumer<Router>> mounted = new ArrayList<>();
  private volatile List<String> unlisted = List.of();

  public HttpApi(StatusRegistry status, ServerMetrics metrics, AgentRegistry agents, Security security) {
    this(status, metrics, agents, Optional.empty(), security);
  }

  /**
   * With {@code routing}: also agents' states, queues, tasks, call records and queue_log. Every route is behind
   * {@code security} (docs/security.md).
   */
  public HttpApi(StatusRegistry status, ServerMetrics metrics, AgentRegistry agents,
      Optional<InboundRouting> routing, Security security) {
    this.status = status;
    this.metrics = metrics;
    this.agents = agents;
    this.routing = routing;
    this.security = security;
  }

  /** Also serves the live KPIs and their stream. */
  public HttpApi withKpis(Kpis live) {
    this.kpis = Optional.of(live);
    return this;
  }

  /** Also serves the compliance gate's decisions ({@code /api/v1/dial-audit}). */
  public HttpApi withDialAudit(DialAuditHistory history) {
    this.dialAudit = Optional.of(history);
    return this;
  }

  /** Also serves {@code /api/v1/campaigns}: campaigns, their lists and leads. */
  public HttpApi withCampaigns(CampaignRoutes routes) {
    this.campaigns = Optional.of(routes);
    return this;
  }

  /** Also serves the routes {@code routes} adds (e.g. lead and DNC import, from their own package). */
  public HttpApi mounting(Consumer<Router> routes) {
    mounted.add(routes);
    return this;
  }

  /** Builds the router; {@code documents} are the static texts read once at start. */
  Router router(Vertx vertx, StaticDocuments documents) {
    Router router = Router.router(vertx);
    router.route().handler(new HttpRequestMetrics(metrics.registry()));
    security.guard(router);
    security.mount(router, vertx);
    router.get("/").handler(ctx -> ctx.response().putHeader("content-type", "text/html; charset=utf-8")
        .end(documents.indexHtml()));
    new HealthRoutes(status).mount(router);
    router.get("/metrics").handler(ctx -> ctx.response().putHeader("content-type", ServerMetrics.CONTENT_TYPE)
        .end(metrics.scrape()));
    router.get(OPENAPI_PATH).handler(ctx -> ctx.response()
        .putHeader("content-type", "application/yaml; charset=utf-8").end(documents.openApiYaml()));
    new AgentRoutes(agents).mount(router);
    new StaffingRoutes(vertx).mount(router);
    routing.ifPresent(inbound -> new RoutingRoutes(inbound).mount(router));
    routing.ifPresent(inbound -> new NailedAgentRoutes(inbound.lines()).mount(router));
    routing.ifPresent(inbound -> new CallControlRoutes(inbound.transfers()).mount(router));
    kpis.ifPresent(live -> new KpiRoutes(live.live(), live.stream(), security.sockets(vertx)).mount(router));
    dialAudit.ifPresent(history -> new DialAuditRoutes(history).mount(router));
    campaigns.ifPresent(routes -> routes.mount(router));
    mounted.forEach(routes -> routes.accept(router));
    router.errorHandler(404, ctx -> new ApiError("not-found", "no such endpoint: " + ctx.request().path()
        + "; see " + OPENAPI_PATH, new JsonObject()).send(ctx, 404));
    router.errorHandler(405, ctx -> new ApiError("method-not-allowed", ctx.request().method()
        + " is not allowed on " + ctx.request().path(), new JsonObject()).send(ctx, 405));
    router.errorHandler(500, this::internalError);
    unlisted = security.unlisted(router);
    unlisted.forEach(route -> LOG.warn("event=route-not-in-access-policy route=\"{}\" rule=admin", route));
    return router;
  }

  /** Whether {@code failure} is, or was caused by, a write refused for want of a quorum (a partition's minority). */
  static boolean withoutQuorum(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SplitBrainProtectionException) {
        return true;
      }
    }
    return false;
  }

  /** Routes of the last router built that no row of the access policy names (admin-only by default). */
  public List<String> routesNotInAccessPolicy() {
    return unlisted;
  }

  private void internalError(RoutingContext ctx) {
    if (withoutQuorum(ctx.failure())) {
      LOG.warn("event=http-no-quorum method={} route={}", ctx.request().method(), ctx.request().path());
      if (!ctx.response().ended()) {
        new ApiError("no-quorum", "this node does not hear from a majority of the cluster, so it changes no shared "
            + "state; retry on another node (docs/cluster.md)", new JsonObject()).send(ctx, 503);
      }
      return;
    }
    String errorRef = Long.toHexString(System.nanoTime());
    LOG.error("event=http-failure method={} route={} ref={}", ctx.request().method(), ctx.request().path(), errorRef,
        ctx.failure());
    if (!ctx.response().ended()) {
      new ApiError("internal-error", "the request failed on the server; the log has details under ref " + errorRef,
          new JsonObject().put("ref", errorRef)).send(ctx, 500);
    }
  }
}
