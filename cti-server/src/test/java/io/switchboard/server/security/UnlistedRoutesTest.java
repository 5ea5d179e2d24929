package io.switchboard.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The walk over a router that names every route the access policy does not. */
class UnlistedRoutesTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close().await();
  }

  @Test
  void a_route_without_a_row_is_named_with_its_method_and_listed_ones_are_not() {
    Router router = Router.router(vertx);
    router.route().handler(ctx -> ctx.next());
    router.get("/api/v1/agents/:id/state").handler(ctx -> ctx.end());
    router.get("/api/v1/campaigns/:id/leads").handler(ctx -> ctx.end());
    router.post("/api/v1/agents/:id/coach").handler(ctx -> ctx.end());
    router.get("/app/*").handler(ctx -> ctx.end());

    assertThat(TestSecurity.admin().unlisted(router)).containsExactly("POST /api/v1/agents/:id/coach");
  }
}
