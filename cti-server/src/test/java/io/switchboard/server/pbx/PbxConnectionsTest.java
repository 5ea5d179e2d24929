package io.switchboard.server.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.server.config.PbxConnection;
import io.switchboard.server.config.PbxType;
import io.switchboard.server.config.Secret;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PbxConnectionsTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() {
    vertx.close();
  }

  @Test
  void asterisk_entries_are_attached_freeswitch_entries_are_left_to_the_probe() {
    PbxConnections pbx = PbxConnections.of(List.of(
        new PbxConnection("main", PbxType.ASTERISK, "127.0.0.1", 1, "cti", new Secret("s3cret")),
        new PbxConnection("fs", PbxType.FREESWITCH, "127.0.0.1", 8021, null, new Secret("ClueCon"))),
        vertx.getOrCreateContext(), new SimpleMeterRegistry(), Clock.systemUTC());

    assertThat(pbx.all()).extracting(a -> a.id().value()).containsExactly("main");
    assertThat(pbx.get("main")).hasValueSatisfying(a -> assertThat(a.callControl()).isNotNull());
    assertThat(pbx.get("fs")).isEmpty();
    pbx.stop();
  }

  @Test
  void an_asterisk_entry_without_a_username_is_not_attached_and_says_why() {
    PbxConnections pbx = PbxConnections.of(List.of(
        new PbxConnection("main", PbxType.ASTERISK, "127.0.0.1", 5038, "", new Secret("s3cret"))),
        vertx.getOrCreateContext(), new SimpleMeterRegistry(), Clock.systemUTC());

    assertThat(pbx.get("main")).isEmpty();
    assertThat(pbx.notAttached().get("main")).contains("username").doesNotContain("s3cret");
  }
}
