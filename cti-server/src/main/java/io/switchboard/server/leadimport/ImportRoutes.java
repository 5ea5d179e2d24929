package io.switchboard.server.leadimport;

import io.switchboard.server.agent.AgentRequest;
import io.switchboard.server.http.ApiError;
import io.switchboard.server.persistence.Database;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/campaigns/{id}/leads/import}, {@code POST /api/v1/dnc/import} (a {@code text/csv} body of
 * up to {@code http.max-import-bytes}, 50 MiB by default, answered 202 with the job and its {@code Location}) and
 * {@code GET /api/v1/imports/{jobId}}; plus the single DNC entries of {@link DncRoutes}. Files are parsed on the
 * {@value #WORKER_POOL} pool, never on an event loop.
 */
public final class ImportRoutes {

  /** The worker pool that parses import files. */
  public static final String WORKER_POOL = "switchboard-import";
  private static final Pattern SOURCE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,22}");
  private static final Pattern REGION = Pattern.compile("[A-Z]{2}");

  private final ImportJobs jobs;
  private final LeadImports leads;
  private final DncImports dnc;
  private final DncRoutes entries;

  public ImportRoutes(Vertx vertx, Database database, Clock clock) {
    WorkerExecutor workers = vertx.createSharedWorkerExecutor(WORKER_POOL, 2);
    this.jobs = new ImportJobs(clock);
    this.leads = new LeadImports(database, workers, jobs, clock);
    this.dnc = new DncImports(database, workers, jobs, clock);
    this.entries = new DncRoutes(database, clock);
  }

  /** Adds the import and DNC routes to {@code router}. */
  public void mount(Router router) {
    router.post("/api/v1/campaigns/:id/leads/import").handler(this::importLeads);
    router.post("/api/v1/dnc/import").handler(this::importDnc);
    router.get("/api/v1/imports/:jobId").handler(this::job);
    entries.mount(router);
  }

  private void importLeads(RoutingContext ctx) {
    String campaign = ctx.pathParam("id");
    String list = ctx.queryParams().get("list");
    if (!AgentRequest.IDENTIFIER.matcher(campaign).matches()) {
      new ApiError("campaign-not-found", "no campaign '" + campaign + "'", new JsonObject().put("field", "id"))
          .send(ctx, 404);
      return;
    }
    if (list != null && !AgentRequest.IDENTIFIER.matcher(list).matches()) {
      ApiError.invalidField("list", "must be a list id (letters, digits, '.', '_', '-')").send(ctx, 400);
      return;
    }
    Optional<Boolean> skip = csvAndSkip(ctx);
    if (skip.isEmpty()) {
      return;
    }
    Buffer file = ctx.body().buffer();
    answer(ctx, leads.start(campaign, Optional.ofNullable(list), skip.get(), () -> stream(file), length(file)));
  }

  private void importDnc(RoutingContext ctx) {
    String source = ctx.queryParams().get("source");
    String region = Optional.ofNullable(ctx.queryParams().get("region")).orElse("US");
    if (source == null || !SOURCE.matcher(source).matches()) {
      ApiError.invalidField("source", "must name the list: 1 to 23 lower-case letters, digits, '.', '_', '-'"
          + " (stored as imported:<source>)").send(ctx, 400);
      return;
    }
    if (!REGION.matcher(region).matches()) {
      ApiError.invalidField("region", "must be an ISO 3166 region such as US or GB").send(ctx, 400);
      return;
    }
    Optional<Boolean> skip = csvAndSkip(ctx);
    if (skip.isEmpty()) {
      return;
    }
    Buffer file = ctx.body().buffer();
    answer(ctx, dnc.start(source, region, skip.get(), () -> stream(file), length(file)));
  }

  private void job(RoutingContext ctx) {
    jobs.find(ctx.pathParam("jobId")).ifPresentOrElse(job -> send(ctx, 200, job.toJson()),
        () -> new ApiError("import-not-found", "no import '" + ctx.pathParam("jobId") + "' on this node",
            new JsonObject().put("field", "jobId")).send(ctx, 404));
  }

  /** The {@code skipBadRows} flag once the body is known to be CSV; empty when the request was answered. */
  private static Optional<Boolean> csvAndSkip(RoutingContext ctx) {
    String type = Optional.ofNullable(ctx.request().getHeader("content-type")).orElse("")
        .toLowerCase(Locale.ROOT);
    if (!type.startsWith("text/csv")) {
      new ApiError("unsupported-media-type", "send the file as text/csv (UTF-8), not '" + type + "'",
          new JsonObject().put("field", "content-type")).send(ctx, 415);
      return Optional.empty();
    }
    String skip = Optional.ofNullable(ctx.queryParams().get("skipBadRows")).orElse("false");
    if (!skip.equals("true") && !skip.equals("false")) {
      ApiError.invalidField("skipBadRows", "must be true or false").send(ctx, 400);
      return Optional.empty();
    }
    return Optional.of(Boolean.parseBoolean(skip));
  }

  private static void answer(RoutingContext ctx, Future<StartOutcome> started) {
    started.onSuccess(outcome -> {
      if (outcome instanceof StartOutcome.Started job) {
        ctx.response().putHeader("location", "/api/v1/imports/" + job.job().id());
        send(ctx, 202, job.job().toJson());
      } else if (outcome instanceof StartOutcome.Refused refused) {
        refused.error().send(ctx, refused.status());
      }
    }).onFailure(ctx::fail);
  }

  private static ByteArrayInputStream stream(Buffer file) {
    return new ByteArrayInputStream(file == null ? new byte[0] : file.getBytes());
  }

  private static long length(Buffer file) {
    return file == null ? 0 : file.length();
  }

  static void send(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
