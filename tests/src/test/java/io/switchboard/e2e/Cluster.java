package io.switchboard.e2e;

import io.switchboard.sim.CommandLog;
import io.switchboard.sim.SimulatedPbx;
import io.switchboard.sim.asterisk.Phone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Several Switchboard nodes on loopback acting as one contact center, the way issue 8 runs them: each node its own
 * process (the fat jar), one Hazelcast cluster joined over a TCP/IP member list with a name of its own, one MariaDB
 * (in the test JVM) that every node's {@code database.url} points at, and one simulated PBX that every node is
 * configured to attach to as {@code pbx/sim}, of which exactly one owns the connection at a time. The simulator
 * logs which session sent what ({@link CommandLog}) and what callers and phones went through ({@link PbxWatch}). With
 * member proxies, each node has a loopback address of its own and the members reach each other through proxies a
 * test can cut ({@link MemberLinks}: a network partition without root); without, they all bind 127.0.0.1.
 */
final class Cluster implements AutoCloseable {

    /** The PBX's name in every node's config. */
    static final String PBX = "sim";
    static final Duration STARTUP = Duration.ofSeconds(180);
    private static final String USER = "cti";

    private final Path workDir;
    private final List<ClusterNode> nodes = new ArrayList<>();
    private ClusterDatabase database;
    private SimulatedPbx pbx;
    private CommandLog commands;
    private PbxWatch watch;
    private MemberLinks links;

    private Cluster(Path workDir) {
        this.workDir = workDir;
    }

    /**
     * Starts the database, the PBX of {@code flavour} with these phones (keyed by dial string; {@code extensions}
     * are the agents' phones the {@link PbxWatch} follows) and {@code size} nodes, with {@code env} for every node
     * (e.g. {@code SWITCHBOARD_HAZELCAST_EXPECTED_MEMBERS}), their member traffic through {@link MemberLinks} if
     * {@code memberProxies}; returns once they form one cluster (not waiting for an owner of the PBX:
     * {@link #awaitFormed}).
     */
    /** A cluster whose members reach each other directly on 127.0.0.1 (no member proxies). */
    static Cluster start(PbxFlavour flavour, String family, Map<String, Phone> phones, Set<String> extensions,
            int size, Map<String, String> env) throws Exception {
        return start(flavour, family, phones, extensions, size, false, env);
    }

    static Cluster start(PbxFlavour flavour, String family, Map<String, Phone> phones, Set<String> extensions,
            int size, boolean memberProxies, Map<String, String> env) throws Exception {
        Path workDir = Path.of(System.getProperty("e2e.work.dir", "target/e2e"),
                "cluster-" + family + "-" + flavour.type() + "-" + UUID.randomUUID());
        Files.createDirectories(workDir);
        Cluster cluster = new Cluster(workDir);
        try {
            cluster.database = ClusterDatabase.start(workDir.resolve("db"));
            String secret = "Sim-Secret-" + UUID.randomUUID().toString().substring(0, 8);
            cluster.pbx = flavour.start(phones, USER, secret, 0);
            cluster.commands = CommandLog.attachTo(cluster.pbx);
            cluster.watch = PbxWatch.attachTo(cluster.pbx, extensions);
            String name = "sb-e2e-" + UUID.randomUUID().toString().substring(0, 8);
            List<Integer> memberPorts = distinctFreePorts(size);
            cluster.links = memberProxies ? MemberLinks.open(memberPorts) : null;
            List<String> members = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                members.add(memberProxies ? cluster.links.publicAddress(i) : "127.0.0.1:" + memberPorts.get(i));
            }
            for (int i = 0; i < size; i++) {
                int http = ServerProcess.freePort();
                Path config = workDir.resolve("node-" + (i + 1) + ".yaml");
                String host = memberProxies ? MemberLinks.host(i) : "127.0.0.1";
                Files.writeString(config, ClusterNode.config(http, cluster.database.jdbcUrl(), name, host,
                        memberPorts.get(i), memberProxies ? members.get(i) : "", members, flavour.type(),
                        cluster.pbx.port(), USER, secret));
                cluster.nodes.add(new ClusterNode("node-" + (i + 1), config, env, http));
            }
            for (ClusterNode node : cluster.nodes) {
                node.start();
            }
            cluster.awaitMembers(STARTUP);
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    private static List<Integer> distinctFreePorts(int count) throws Exception {
        Set<Integer> ports = new HashSet<>();
        while (ports.size() < count) {
            ports.add(ServerProcess.freePort());
        }
        return List.copyOf(ports);
    }

    List<ClusterNode> nodes() {
        return List.copyOf(nodes);
    }

    /** The nodes whose API answers (not killed, not frozen). */
    List<ClusterNode> serving() {
        return nodes.stream().filter(ClusterNode::serving).toList();
    }

    SimulatedPbx pbx() {
        return pbx;
    }

    CommandLog commands() {
        return commands;
    }

    PbxWatch watch() {
        return watch;
    }

    /** The member network, to cut a node off and heal; only with member proxies. */
    MemberLinks links() {
        if (links == null) {
            throw new IllegalStateException("this cluster was started without member proxies");
        }
        return links;
    }

    ClusterDatabase database() {
        return database;
    }

    /** The API of the first serving node, for setting up agents and queues (all nodes share them). */
    ServerApi api() {
        return serving().get(0).api();
    }

    /**
     * Waits until every node runs, each sees all of them as members and one node owns the PBX connection and has
     * it up; starts a node that was killed first.
     */
    void awaitFormed(Duration timeout) throws Exception {
        for (ClusterNode node : nodes) {
            if (!node.serving()) {
                node.start();
            }
        }
        awaitMembers(timeout);
        owner(timeout);
    }

    /** Waits until every node runs and sees all of them as members, with a quorum; starts none. */
    void awaitMembers(Duration timeout) throws Exception {
        await("all " + nodes.size() + " nodes in one cluster", () -> {
            for (ClusterNode node : nodes) {
                if (!node.serving() || node.members() != nodes.size() || !node.quorum()) {
                    return false;
                }
            }
            return true;
        }, timeout);
    }

    /** The one serving node that owns the PBX connection and has it up; waits for there to be exactly one. */
    ClusterNode owner(Duration timeout) throws Exception {
        List<ClusterNode> owners = new ArrayList<>();
        await("exactly one node owning pbx/" + PBX, () -> {
            owners.clear();
            for (ClusterNode node : serving()) {
                if (node.owns(PBX)) {
                    owners.add(node);
                }
            }
            return owners.size() == 1;
        }, timeout);
        return owners.get(0);
    }

    /** Polls {@code condition} until true; fails naming {@code what} with every node's output. */
    void await(String what, ServerApi.Probe<Boolean> condition, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Object last = "(nothing yet)";
        while (System.nanoTime() < deadline) {
            try {
                if (condition.read()) {
                    return;
                }
                last = false;
            } catch (java.io.IOException notYet) {
                last = notYet;
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError(what + " not seen within " + timeout + "; last: " + last + "\n" + transcripts());
    }

    /** Every node's output, for a failure message. */
    String transcripts() {
        StringBuilder all = new StringBuilder();
        for (ClusterNode node : nodes) {
            all.append("\n===== ").append(node.name()).append('\n').append(node.transcript());
        }
        return all.toString();
    }

    /**
     * Stops every node at once (a frozen one is killed), then the member proxies, the PBX and the database, then
     * removes the work directory.
     */
    @Override
    public void close() throws Exception {
        List<Thread> stopping = new ArrayList<>();
        for (ClusterNode node : nodes) {
            Thread thread = new Thread(() -> {
                try {
                    node.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stop-" + node.name());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            thread.join();
        }
        if (links != null) {
            links.close();
        }
        if (pbx != null) {
            pbx.stop();
        }
        if (database != null) {
            database.close();
        }
        ServerProcess.deleteTree(workDir);
    }
}
