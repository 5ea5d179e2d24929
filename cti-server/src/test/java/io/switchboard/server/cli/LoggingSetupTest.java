package io.switchboard.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import ch.qos.logback.core.ConsoleAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shipped logback.xml, loaded into a context of its own: the console behind a queue that drops no warning. */
class LoggingSetupTest {

  private final LoggerContext context = shippedConfiguration();

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void the_console_is_written_from_a_bounded_queue_that_waits_for_warnings_rather_than_drop_them() {
    AsyncAppender queue = (AsyncAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ASYNC");

    assertThat(queue.getQueueSize()).isEqualTo(8192);
    assertThat(queue.getDiscardingThreshold()).as("INFO dropped once 80 % full").isEqualTo(8192 / 5);
    assertThat(queue.isNeverBlock()).as("WARN and ERROR are never dropped").isFalse();
    assertThat(queue.isIncludeCallerData()).isFalse();
    assertThat(queue.getAppender("CONSOLE")).isInstanceOf(ConsoleAppender.class);
    assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE")).isNull();
  }

  @Test
  void the_line_format_is_unchanged_one_line_per_event_with_key_values() {
    ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>)
        ((AsyncAppender) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("ASYNC")).getAppender("CONSOLE");

    assertThat(((PatternLayoutEncoder) console.getEncoder()).getPattern()).isEqualTo(
        "ts=%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} level=%level logger=%logger{36} thread=%thread "
            + "%replace(%msg){'[\\r\\n]+', ' '}%replace(%ex){'[\\r\\n]+', ' \\\\n '}%nopex%n");
  }

  @Test
  void lines_queued_when_logging_stops_are_all_written_out_in_order_and_in_the_shipped_format() {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      LoggerContext own = shippedConfiguration(); // its console takes System.out when it starts
      Logger logger = own.getLogger("io.switchboard.test");
      for (int i = 0; i < 1000; i++) {
        logger.info("event=line n={}", i);
      }
      logger.warn("event=last\nsecond line");
      own.stop();
    } finally {
      System.setOut(original);
    }

    List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    assertThat(lines).hasSize(1001);
    assertThat(lines.get(999)).endsWith(" level=INFO logger=io.switchboard.test thread=main event=line n=999");
    assertThat(lines.get(1000)).matches("ts=\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z level=WARN "
        + "logger=io.switchboard.test thread=main event=last second line");
  }

  private static LoggerContext shippedConfiguration() {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter()); // what logback's own start-up gives the default context
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    try {
      configurator.doConfigure(LoggingSetupTest.class.getResource("/logback.xml"));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return context;
  }
}
