package io.switchboard.server.cli;

import io.switchboard.server.config.LoadedConfig;
import io.switchboard.server.runtime.Server;
import io.vertx.core.Future;
import io.vertx.core.VertxOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a node on the calling (main) thread, then parks it until SIGTERM/SIGINT, whose shutdown hook
 * stops HTTP, the database, Vert.x and Hazelcast in that order.
 */
final class NodeRunner {

  private static final Logger LOG = LoggerFactory.getLogger(NodeRunner.class);
  private NodeRunner() {}

  static int runUntilStopped(LoadedConfig loaded, Consumer<Server> onReady) throws InterruptedException {
    return runUntilStopped(loaded, onReady, () -> { });
  }

  /** Like {@link #runUntilStopped(LoadedConfig, Consumer)}; {@code afterStop} runs once the node has stopped. */
  static int runUntilStopped(LoadedConfig loaded, Consumer<Server> onReady, Runnable afterStop)
      throws InterruptedException {
    LoggingSetup.apply(loaded.config().logging().level());
    loaded.warnings().forEach(w -> LOG.warn("event=config-warning source={} {}", loaded.source(), w));
    LOG.info("event=starting config={} http={}:{} database={} cluster={}", loaded.source(),
        loaded.config().http().host(), loaded.config().http().port(),
        loaded.config().database().embeddedMode() ? "embedded" : "external",
        loaded.config().hazelcast().clusterName());
    Server server = await(Server.start(loaded.config(), new VertxOptions()));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
        afterStop.run();
      } finally {
        LoggingSetup.flush();
        stopped.countDown();
      }
    }, "switchboard-shutdown"));
    onReady.accept(server);
    stopped.await();
    return ExitCode.OK.code();
  }

  /** Waits on a plain thread; rethrows the failure itself, not a wrapper. */
  static <T> T await(Future<T> future) throws InterruptedException {
    try {
      return future.toCompletionStage().toCompletableFuture().get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
