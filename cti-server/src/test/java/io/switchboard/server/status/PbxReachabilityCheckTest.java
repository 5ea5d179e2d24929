package io.switchboard.server.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.server.config.PbxConnection;
import io.switchboard.server.config.PbxType;
import io.switchboard.server.config.Secret;
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
class PbxReachabilityCheckTest {

  private static PbxConnection asterisk(int port) {
    return new PbxConnection("main", PbxType.ASTERISK, "127.0.0.1", port, "switchboard", new Secret("amipass"));
  }

  @Test
  void a_listening_port_is_reachable(Vertx vertx, VertxTestContext test) throws IOException {
    ServerSocket listening = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"));
    new PbxReachabilityCheck(vertx, asterisk(listening.getLocalPort()), Duration.ofSeconds(1)).check()
        .onComplete(test.succeeding(result -> test.verify(() -> {
          listening.close();
          assertThat(result.state()).isEqualTo(DependencyState.REACHABLE);
          assertThat(result.detail()).contains("127.0.0.1:" + listening.getLocalPort()).doesNotContain("amipass");
          test.completeNow();
        })));
  }

  @Test
  void a_closed_port_is_unreachable(Vertx vertx, VertxTestContext test) throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    new PbxReachabilityCheck(vertx, asterisk(port), Duration.ofSeconds(1)).check()
        .onComplete(test.succeeding(result -> test.verify(() -> {
          assertThat(result.state()).isEqualTo(DependencyState.UNREACHABLE);
          assertThat(result.detail()).startsWith("TCP connection to 127.0.0.1:" + port + " failed");
          test.completeNow();
        })));
  }
}
