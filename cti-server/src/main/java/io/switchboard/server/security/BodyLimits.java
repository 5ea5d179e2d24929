package io.switchboard.server.security;

import io.switchboard.server.http.ApiError;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.regex.Pattern;

/**
 * The one body reader of every route, with one limit: {@code http.max-body-bytes}, or {@code http.max-import-bytes}
 * for the two file imports (leads and DNC). A {@code Content-Length} above the limit is refused before a byte of
 * the body is read; a body sent without one (chunked) is cut off as soon as it passes the limit. Both answer 413
 * {@value #BODY_TOO_LARGE} ({@link #tooLarge}) and close the connection, so the rest is never read either.
 */
public final class BodyLimits implements Handler<RoutingContext> {

  /** The errorId of a refused body. */
  public static final String BODY_TOO_LARGE = "body-too-large";
  /** Paths whose body is an import file. */
  public static final Pattern IMPORTS = Pattern.compile("/api/v1/campaigns/[^/]+/leads/import|/api/v1/dnc/import");

  private static final String LIMIT = "switchboard.body-limit";
  private static final String KEY = "switchboard.body-limit-key";

  private final long maxBody;
  private final long maxImport;
  private final BodyHandler body;
  private final BodyHandler importFile;

  public BodyLimits(long maxBodyBytes, long maxImportBytes) {
    this.maxBody = maxBodyBytes;
    this.maxImport = maxImportBytes;
    this.body = BodyHandler.create(false).setBodyLimit(maxBodyBytes);
    this.importFile = BodyHandler.create(false).setBodyLimit(maxImportBytes);
  }

  @Override
  public void handle(RoutingContext ctx) {
    if (ctx.request().canUpgradeToWebSocket()) {
      // A WebSocket's upgrade has no body to limit, and a request whose end was read can no longer be upgraded.
      ctx.next();
      return;
    }
    boolean imports = IMPORTS.matcher(ctx.request().path()).matches();
    ctx.put(LIMIT, imports ? maxImport : maxBody);
    ctx.put(KEY, imports ? "http.max-import-bytes" : "http.max-body-bytes");
    (imports ? importFile : body).handle(ctx);
  }

  /** The 413 answer, for {@code router.errorHandler(413, ...)}. */
  public static void tooLarge(RoutingContext ctx) {
    if (ctx.response().ended()) {
      return;
    }
    Long limit = ctx.get(LIMIT);
    String key = ctx.get(KEY);
    JsonObject details = new JsonObject();
    if (limit != null) {
      details.put("limit", limit).put("key", key);
    }
    ctx.response().putHeader("connection", "close");
    new ApiError(BODY_TOO_LARGE, "the request body is larger than " + (limit == null ? "allowed"
        : limit + " bytes (" + key + ")"), details).send(ctx, 413);
  }
}
