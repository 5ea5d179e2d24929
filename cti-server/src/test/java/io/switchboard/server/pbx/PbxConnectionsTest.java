package io.switchboard.server.pbx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.switchboard.core.call.HangupCause;
import io.switchboard.core.id.CallId;
import io.switchboard.core.port.CommandResult;
import io.switchboard.core.port.PbxUnavailableException;
import io.switchboard.esl.connection.EslConnectionState;
import io.switchboard.server.config.PbxConnection;
import io.switchboard.server.config.PbxType;
import io.switchboard.server.config.Secret;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

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
  void a_freeswitch_entry_left_on_the_assumed_gateway_is_warned_about_once_and_one_naming_its_gateway_is_not() {
    Logger logger = (Logger) LoggerFactory.getLogger(EslAttachment.class);
    ListAppender<ILoggingEvent> logged = new ListAppender<>();
    logged.start();
    logger.addAppender(logged);
    try {
      PbxConnections pbx = PbxConnections.of(List.of(
          new PbxConnection("fs-default", PbxType.FREESWITCH, "127.0.0.1", 8021, null, new Secret("ClueCon")),
          new PbxConnection("fs-carrier", PbxType.FREESWITCH, "127.0.0.1", 8021, null, new Secret("ClueCon"),
              "sofia/gateway/carrier/{number}", null, null, null)),
          vertx.getOrCreateContext(), new SimpleMeterRegistry(), Clock.systemUTC());
      pbx.stop();
    } finally {
      logger.detachAppender(logged);
    }

    assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN)
        .extracting(ILoggingEvent::getFormattedMessage)
        .singleElement().asString()
        .contains("event=pbx-outbound-channel-default", "pbx=fs-default", "gateway named 'default'",
            "pbx[].outbound-channel");
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
  void a_freeswitch_not_logged_in_fails_commands_as_not_connected_rather_than_refusing_them() {
    PbxConnections pbx = PbxConnections.of(List.of(
        new PbxConnection("fs", PbxType.FREESWITCH, "127.0.0.1", 8021, null, new Secret("ClueCon"))),
        vertx.getOrCreateContext(), new SimpleMeterRegistry(), Clock.systemUTC());

    CompletableFuture<CommandResult> result = pbx.get("fs").orElseThrow().callControl()
        .hangup(CallId.of("fs/7ed41449-9950-42b2-9f65-d23a4a4fca7f"), HangupCause.NORMAL_CLEARING).toCompletableFuture();

    assertThatThrownBy(() -> result.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(PbxUnavailableException.class)
        .hasMessageContaining("esl-not-connected");
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
