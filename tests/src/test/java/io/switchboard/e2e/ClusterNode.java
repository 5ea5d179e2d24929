package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Switchboard node of a test {@link Cluster}: the fat jar as its own process with its own HTTP and Hazelcast
 * member port, the cluster's shared database and PBX, and what a test does to it: kill it (SIGKILL, a crash),
 * freeze it ({@code kill -STOP}, as a long GC pause or a frozen VM cuts a member off without closing its sockets),
 * thaw it, start it again on the same ports, and read its {@code /status}.
 */
final class ClusterNode {

    private final String name;
    private final Path config;
    private final Map<String, String> env;
    private final int httpPort;
    private ServerProcess process;
    private ServerApi api;
    private boolean frozen;

    ClusterNode(String name, Path config, Map<String, String> env, int httpPort) {
        this.name = name;
        this.config = config;
        this.env = env;
        this.httpPort = httpPort;
    }

    /**
     * The config of a node of {@code members} (their addresses), its HTTP on {@code httpPort}, its member port
     * {@code memberPort} on {@code host}, on the shared database {@code jdbcUrl}, attached to one PBX
     * {@code pbx/sim}; with a {@code publicAddress} ({@link MemberLinks}) it announces that, binds {@code host} alone
     * and connects to the others from it.
     */
    static String config(int httpPort, String jdbcUrl, String clusterName, String host, int memberPort,
            String publicAddress, List<String> members, String pbxType, int pbxPort, String user, String secret) {
        return """
                http:
                  host: 127.0.0.1
                  port: %d
                database:
                  url: %s
                  user: %s
                logging:
                  level: info
                hazelcast:
                  cluster-name: %s
                  member-port: %d
                  interface: %s
                  public-address: "%s"
                  bind-any: %s
                  join:
                    method: tcp-ip
                    members: [%s]
                pbx:
                  - name: sim
                    type: %s
                    host: 127.0.0.1
                    port: %d
                    username: %s
                    secret: %s
                """.formatted(httpPort, jdbcUrl, ClusterDatabase.USER, clusterName, memberPort, host, publicAddress,
                publicAddress.isEmpty(),
                String.join(", ", members.stream().map(m -> "\"" + m + "\"").toList()), pbxType, pbxPort, user, secret);
    }

    /** Starts the process (again, after a kill: same config, same ports); does not wait for it to be up. */
    void start() throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " still runs");
        }
        if (!Files.isRegularFile(config)) {
            throw new IllegalStateException("no config at " + config);
        }
        process = ServerProcess.start(env, "run", "--config", config.toString());
        api = new ServerApi(httpPort, process);
        frozen = false;
    }

    String name() {
        return name;
    }

    ServerApi api() {
        return api;
    }

    /** Whether the process runs and is not frozen: its API answers. */
    boolean serving() {
        return process != null && process.isAlive() && !frozen;
    }

    /** SIGKILL: no shutdown hook, no goodbye to the cluster or the PBX. */
    void kill() throws InterruptedException {
        process.kill();
    }

    /** SIGSTOP: every thread stops, every socket stays open, as in a long GC pause or a suspended VM. */
    void freeze() throws IOException, InterruptedException {
        signal("-STOP");
        frozen = true;
    }

    /** SIGCONT: the frozen node runs on from where it stopped, its clocks jumped ahead. */
    void thaw() throws IOException, InterruptedException {
        signal("-CONT");
        frozen = false;
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new AssertionError("kill " + signal + " " + process.pid() + " failed");
        }
    }

    /** {@code GET /status}. */
    JsonNode status() throws IOException, InterruptedException {
        return api.getJson("/status");
    }

    /** This node's {@code hazelcast} check on {@code /status}: {@code members}, {@code member}, {@code quorum}. */
    private JsonNode hazelcast() throws IOException, InterruptedException {
        return status().path("dependencies").path("hazelcast");
    }

    /** This node's Hazelcast member UUID. */
    String member() throws IOException, InterruptedException {
        return hazelcast().path("member").asText();
    }

    /** How many members this node sees. */
    int members() throws IOException, InterruptedException {
        return hazelcast().path("members").asInt(-1);
    }

    /** Whether this node hears from a quorum of the expected members (else it changes no shared state). */
    boolean quorum() throws IOException, InterruptedException {
        return hazelcast().path("quorum").asBoolean(false);
    }

    /** Whether this node owns {@code pbx/<pbx>} and has it up ({@code ownedHere} of its check on {@code /status}). */
    boolean owns(String pbx) throws IOException, InterruptedException {
        JsonNode check = status().path("dependencies").path("pbx/" + pbx);
        return check.path("ownedHere").asBoolean(false) && "up".equals(check.path("state").asText());
    }

    /** The owner of {@code pbx/<pbx>} as this node sees it ({@code owner} of its check: a member UUID, or empty). */
    String ownerOf(String pbx) throws IOException, InterruptedException {
        return status().path("dependencies").path("pbx/" + pbx).path("owner").asText("");
    }

    /** This node's log lines so far that hold every one of {@code parts}. */
    List<String> log(String... parts) {
        return process.stdout().stream().filter(line -> List.of(parts).stream().allMatch(line::contains)).toList();
    }

    String transcript() {
        return process == null ? "(not started)" : process.transcript();
    }

    /** Stops the node as an operator would, or kills it when it is frozen or does not stop. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        if (frozen) {
            process.kill();
            return;
        }
        try {
            process.stop(Duration.ofSeconds(30));
        } catch (AssertionError ignoredSigterm) {
            process.kill();
        } finally {
            process.close();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
