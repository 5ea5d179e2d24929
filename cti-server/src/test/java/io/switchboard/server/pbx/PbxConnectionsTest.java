package io.switchboard.server.pbx;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.core.id.CallId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.esl.connection.EslConnectionState;
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
  void asterisk_entries_are_attached_over_ami_and_freeswitch_entries_over_esl() {
    PbxConnections pbx = PbxConnections.of(List.of(
        new PbxConnection("main", PbxType.ASTERISK, "127.0.0.1", 1, "cti", new Secret("s3cret")),
        new PbxConnection("fs", PbxType.FREESWITCH, "127.0.0.1", 8021, null, new Secret("ClueCon"))),
        vertx.getOrCreateContext(), new SimpleMeterRegistry(), Clock.systemUTC());

    assertThat(pbx.all()).extracting(a -> a.id().value()).containsExactly("main", "fs");
    assertThat(pbx.get("main")).hasValueSatisfying(a -> assertThat(a.callControl()).isNotNull());
    assertThat(pbx.get("fs")).hasValueSatisfying(a -> assertThat(a.callControl()).isNotNull());
    assertThat(pbx.amiStatus("main")).isPresent();
    assertThat(pbx.amiStatus("fs")).isEmpty();
    assertThat(pbx.eslStatus("fs")).hasValueSatisfying(s -> assertThat(s.get().state())
        .isEqualTo(EslConnectionState.DISCONNECTED));
    pbx.stop();
  }

  @Test
  void a_freeswitch_entry_without_a_secret_is_not_attached_and_says_why() {
    PbxConnections pbx = PbxConnections.of(List.of(
        new PbxConnection("fs", PbxType.FREESWITCH, "127.0.0.1", null, null, null)),
        vertx.getOrCreateContext(), new SimpleMeterRegistry(), Clock.systemUTC());

    assertThat(pbx.get("fs")).isEmpty();
    assertThat(pbx.eslStatus("fs")).isEmpty();
    assertThat(pbx.notAttached().get("fs")).contains("password", "pbx[].secret", "event_socket.conf.xml");
  }

  @Test
  void until_esl_call_control_lands_a_freeswitch_refuses_every_command_with_a_stable_error() throws Exception {
    PbxConnections pbx = PbxConnections.of(List.of(
        new PbxConnection("fs", PbxType.FREESWITCH, "127.0.0.1", 8021, null, new Secret("ClueCon"))),
        vertx.getOrCreateContext(), new SimpleMeterRegistry(), Clock.systemUTC());

    CommandResult result = pbx.get("fs").orElseThrow().callControl().returnToHold(CallId.of("fs/abc"))
        .toCompletableFuture().get();

    assertThat(result).isInstanceOfSatisfying(CommandResult.Failed.class,
        failed -> assertThat(failed.errorId()).isEqualTo("esl-control-not-available"));
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
