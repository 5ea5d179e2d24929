package io.switchboard.server;

import io.switchboard.server.cli.Cli;
import java.io.PrintWriter;
import java.util.Optional;

/** {@code java -jar switchboard.jar ...}: see {@code switchboard --help}. */
public final class Main {

  /** The JDK's property for the common fork-join pool's size, read once when the pool is first used. */
  static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

  private Main() {}

  public static void main(String[] args) {
    commonPoolParallelism(Runtime.getRuntime().availableProcessors(),
        Optional.ofNullable(System.getProperty(COMMON_POOL_PARALLELISM)))
        .ifPresent(parallelism -> System.setProperty(COMMON_POOL_PARALLELISM, parallelism));
    int code = Cli.execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    Cli.flushLogs();
    System.exit(code);
  }

  /**
   * The common pool's size to set, if any. On one or two processors the JDK sizes the common pool to one, and
   * then {@code CompletableFuture} and Hazelcast (its default async executor) start a new thread for every
   * asynchronous step: every agent status read or compare-and-set, ≈400 threads a second at 200 calls/s
   * (docs/benchmarks.md). Two is enough to keep a pool; a size set on the command line is kept.
   */
  static Optional<String> commonPoolParallelism(int processors, Optional<String> configured) {
    return configured.isPresent() || processors > 2 ? Optional.empty() : Optional.of("2");
  }
}
