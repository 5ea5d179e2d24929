package io.switchboard.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.server.config.HttpSettings;
import io.switchboard.server.metrics.ServerMetrics;
import io.switchboard.server.status.StatusRegistry;
import io.switchboard.server.security.TestSecurity;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class HttpVerticleTest {

  @Test
  void a_port_in_use_fails_the_deployment_naming_port_host_and_key(Vertx vertx, VertxTestContext test)
      throws IOException {
    ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
    int port = taken.getLocalPort();
    ServerMetrics metrics = new ServerMetrics();
    HttpVerticle http = new HttpVerticle(new HttpSettings("127.0.0.1", port),
        new HttpApi(new StatusRegistry(Duration.ofSeconds(1)), metrics, new InMemoryAgentDirectory(), TestSecurity.admin()));

    vertx.deployVerticle(http).onComplete(test.failing(failure -> test.verify(() -> {
      taken.close();
      metrics.close();
      assertThat(failure).isInstanceOf(HttpBindException.class)
          .hasMessage("HTTP port " + port + " on 127.0.0.1 is already in use (http.port)");
      test.completeNow();
    })));
  }
}
