package io.switchboard.server.http;

import io.switchboard.server.config.HttpSettings;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServer;
import java.net.BindException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Serves {@link HttpApi} on {@code http.host}:{@code http.port}; fails to deploy with a clear message if it cannot bind. */
public final class HttpVerticle extends AbstractVerticle {

  private static final Logger LOG = LoggerFactory.getLogger(HttpVerticle.class);

  private final HttpSettings settings;
  private final HttpApi api;
  private volatile int actualPort = -1;

  public HttpVerticle(HttpSettings settings, HttpApi api) {
    this.settings = settings;
    this.api = api;
  }

  @Override
  public void start(Promise<Void> startPromise) {
    vertx.executeBlocking(StaticDocuments::load, false)
        .compose(documents -> vertx.createHttpServer()
            .requestHandler(api.router(vertx, documents))
            .listen(settings.port(), settings.host())
            .recover(this::explain))
        .onSuccess(server -> {
          actualPort = server.actualPort();
          LOG.info("event=http-listening host={} port={}", settings.host(), actualPort);
        })
        .<Void>mapEmpty()
        .onComplete(startPromise);
  }

  /** See {@link HttpApi#routesNotInAccessPolicy()}. */
  public java.util.List<String> routesNotInAccessPolicy() {
    return api.routesNotInAccessPolicy();
  }

  /** The bound port; differs from {@code http.port} when that is 0. */
  public int actualPort() {
    return actualPort;
  }

  private Future<HttpServer> explain(Throwable failure) {
    if (failure instanceof BindException || String.valueOf(failure.getMessage()).contains("Address already in use")) {
      return Future.failedFuture(new HttpBindException("HTTP port " + settings.port() + " on " + settings.host()
          + " is already in use (http.port)", failure));
    }
    return Future.failedFuture(new HttpBindException("HTTP cannot listen on " + settings.host() + ":"
        + settings.port() + " (http.host, http.port): " + failure.getMessage(), failure));
  }
}
