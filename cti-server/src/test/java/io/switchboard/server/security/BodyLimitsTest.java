package io.switchboard.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One body limit for every route, one answer for a body over it: 413 body-too-large. */
class BodyLimitsTest {

  private final Vertx vertx = Vertx.vertx();
  private final AtomicInteger handled = new AtomicInteger();
  private HttpClient client;
  private int port;

  @BeforeEach
  void serve() {
    Router router = Router.router(vertx);
    router.route().handler(new BodyLimits(1024, 4096));
    router.post("/api/v1/queues").handler(ctx -> {
      handled.incrementAndGet();
      ctx.response().end("got " + ctx.body().length());
    });
    router.post("/api/v1/dnc/import").handler(ctx -> {
      handled.incrementAndGet();
      ctx.response().end("got " + ctx.body().length());
    });
    router.errorHandler(413, BodyLimits::tooLarge);
    port = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1").await().actualPort();
    client = vertx.createHttpClient();
  }

  @AfterEach
  void stop() {
    vertx.close().await();
  }

  private Answer post(String path, Buffer body, boolean chunked) {
    return client.request(new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port)
            .setURI(path))
        .compose(req -> {
          req.setChunked(chunked);
          return req.send(body);
        })
        .compose(r -> r.body().map(b -> new Answer(r, b.toString())))
        .await();
  }

  private record Answer(HttpClientResponse response, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  @Test
  void a_body_within_the_limit_reaches_the_route() {
    assertThat(post("/api/v1/queues", Buffer.buffer(new byte[1024]), false).body()).isEqualTo("got 1024");
  }

  @Test
  void a_declared_length_over_the_limit_is_refused_before_the_route_runs() {
    Answer answer = post("/api/v1/queues", Buffer.buffer(new byte[1025]), false);

    assertThat(answer.response().statusCode()).isEqualTo(413);
    assertThat(answer.json().getString("errorId")).isEqualTo(BodyLimits.BODY_TOO_LARGE);
    assertThat(answer.json().getJsonObject("details"))
        .isEqualTo(new JsonObject().put("limit", 1024).put("key", "http.max-body-bytes"));
    assertThat(handled).hasValue(0);
  }

  @Test
  void a_chunked_body_is_cut_off_once_it_passes_the_limit() {
    Answer answer = post("/api/v1/queues", Buffer.buffer(new byte[3000]), true);

    assertThat(answer.response().statusCode()).isEqualTo(413);
    assertThat(answer.json().getString("errorId")).isEqualTo(BodyLimits.BODY_TOO_LARGE);
    assertThat(handled).hasValue(0);
  }

  @Test
  void the_imports_have_their_own_larger_limit() {
    assertThat(post("/api/v1/dnc/import", Buffer.buffer(new byte[4096]), false).body()).isEqualTo("got 4096");
    Answer over = post("/api/v1/dnc/import", Buffer.buffer(new byte[4097]), true);
    assertThat(over.response().statusCode()).isEqualTo(413);
    assertThat(over.json().getJsonObject("details").getString("key")).isEqualTo("http.max-import-bytes");
  }
}
