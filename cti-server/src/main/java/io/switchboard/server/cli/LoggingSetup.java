package io.switchboard.server.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.switchboard.server.config.LogLevel;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes java.util.logging into SLF4J, applies {@code logging.level} to Switchboard's loggers, and flushes the
 * console's queue (logback.xml writes it from a background thread) before the process ends.
 */
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

  /**
   * Writes out the lines still queued for the console (waiting at most logback.xml's {@code maxFlushTime}) and
   * stops logging: the queue's thread is a daemon, so lines logged just before the JVM halts would be lost.
   */
  static void flush() {
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      context.stop();
    }
  }
}
