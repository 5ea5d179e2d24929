package io.switchboard.server.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.switchboard.server.config.LogLevel;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/** Routes java.util.logging into SLF4J and applies {@code logging.level} to Switchboard's loggers. */
final class LoggingSetup {

  private LoggingSetup() {}

  static void bridgeJul() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }

  static void apply(LogLevel level) {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.getLogger("io.switchboard").setLevel(Level.toLevel(level.name()));
      // Asterisk-Java errors only: its warnings print whole AMI events ("Slow processing of event ...
      // calleridnum='+49...'), and it warns on every reconnect. The AMI connection logs login failures,
      // disconnects and untranslatable events itself, with the PBX name and without phone numbers.
      context.getLogger("org.asteriskjava").setLevel(Level.ERROR);
    }
  }
}
