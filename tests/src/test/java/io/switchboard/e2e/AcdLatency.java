package io.switchboard.e2e;

import io.switchboard.sim.SimulatedPbx;
import io.switchboard.sim.ami.AmiMessage;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.asterisk.SimWorld;

import io.switchboard.sim.asterisk.AsteriskSimulator;
import io.switchboard.sim.asterisk.SimulatorConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark behind {@code bench/acd-latency.sh}: event-in to call-control-command-out through pbx-sim, on a
 * real server (the fat jar: embedded MariaDB, a Hazelcast member) over real sockets. The simulated PBX sends the
 * glue's announcement of a new caller ({@code UserEvent InboundCall} / {@code switchboard::inbound_call}) while an
 * agent is free; the clock stops when the PBX's engine takes the command that connects that caller ({@code Redirect}
 * / {@code uuid_transfer}). Both instants are {@link System#nanoTime} in this process, on the simulator's engine
 * thread, so the figure includes the server's whole path and both sockets, and the simulator's own queueing of the
 * command. Callers arrive as a Poisson process at the given rate (during the warm-up, ramped up from a tenth of
 * it); each talks a short while and hangs up; there are
 * enough agents that calls do not pile up. Each second it samples how many announced callers still wait for their
 * command: a backlog shows as a count that keeps growing.
 *
 * <p>Usage: {@code AcdLatency asterisk|freeswitch [callsPerSecond] [measureSeconds] [warmUpSeconds] [agents]
 * [queues]} (defaults 200 30 10 300 30: agents spread evenly over the queues, callers drawn uniformly),
 * with the system property {@code switchboard.jar}; {@code bench.server.jfr=<file>} records the server with JFR,
 * {@code bench.server.java} adds JVM options to the server's (e.g. another collector, to compare).
 */
public final class AcdLatency {

    private static final String USER = "bench";
    /** Queue {@code i} is DID {@code 4930100900 + i}. */
    private static final long FIRST_QUEUE = 4930100900L;
    /** Virtual seconds a caller talks once bridged (the simulator's clock runs ten times faster). */
    private static final Duration TALK = Duration.ofSeconds(3);
    /** The events of the AMI {@code dialplan} class the simulator sends, which the shipped user does not read. */
    private static final Set<String> DIALPLAN_CLASS = Set.of("Newexten", "VarSet");
    private static final Phone AGENT_PHONE = new Phone.Answers(Duration.ofSeconds(1), null);

    private final PbxFlavour flavour;
    private final double callsPerSecond;
    private final Map<String, Long> announced = new ConcurrentHashMap<>();
    private final List<Long> latencies = new ArrayList<>();
    private final AtomicInteger waiting = new AtomicInteger();
    /** The PBX's events while measuring, by name (engine thread only, read after the measurement). */
    private final Map<String, Integer> eventsByName = new ConcurrentHashMap<>();
    private final AtomicInteger announcements = new AtomicInteger();
    private final AtomicInteger announcedWhileMeasuring = new AtomicInteger();
    /** The events the server's AMI user does not receive (none on FreeSWITCH, whose client subscribes by name). */
    private Set<String> excludedEvents = Set.of();
    private final AtomicInteger connects = new AtomicInteger();
    private final AtomicBoolean measuring = new AtomicBoolean();
    private final AtomicBoolean arriving = new AtomicBoolean(true);
    private final SplittableRandom random = new SplittableRandom(42);
    private int arrivals;
    private volatile long startedNanos;
    private volatile long warmUpNanos;

    private final int queues;

    private AcdLatency(PbxFlavour flavour, double callsPerSecond, int queues) {
        this.flavour = flavour;
        this.callsPerSecond = callsPerSecond;
        this.queues = queues;
    }

    public static void main(String[] args) throws Exception {
        PbxFlavour flavour = PbxFlavour.valueOf(args[0].toUpperCase(Locale.ROOT));
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 200;
        int measure = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int agents = args.length > 4 ? Integer.parseInt(args[4]) : 300;
        int queues = args.length > 5 ? Integer.parseInt(args[5]) : 30;
        new AcdLatency(flavour, rate, queues).run(measure, warmUp, agents);
        System.exit(0);
    }

    private void run(int measureSeconds, int warmUpSeconds, int agents) throws Exception {
        Path workDir = Files.createDirectories(Path.of(System.getProperty("bench.work.dir", "target/bench"),
                "acd-latency-" + flavour.type() + "-" + UUID.randomUUID()));
        String secret = "Bench-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Phone> phones = new HashMap<>();
        for (int i = 0; i < agents; i++) {
            phones.put(flavour.device(extension(i)), AGENT_PHONE);
        }
        if (flavour == PbxFlavour.ASTERISK) {
            excludedEvents = shippedExclusions();
        }
        SimulatedPbx pbx = flavour == PbxFlavour.ASTERISK
                ? new AsteriskSimulator(SimulatorConfig.of(USER, secret).withPhones(phones)
                        .withTimeScale(PbxFlavour.TIME_SCALE).withFilteredUser(USER, secret, excludedEvents)).start(0)
                : flavour.start(phones, USER, secret, 0);
        ServerProcess server = null;
        try {
            int http = ServerProcess.freePort();
            Map<String, String> env = new HashMap<>(Map.of("SWITCHBOARD_LOGGING_LEVEL", "warn"));
            String jfr = System.getProperty("bench.server.jfr");
            String options = System.getProperty("bench.server.java", "").trim();
            if (jfr != null) { // a flight recording of the server, written when it stops
                options += " -XX:StartFlightRecording=settings=profile,dumponexit=true,filename=" + jfr;
            }
            if (!options.isBlank()) {
                env.put("JAVA_TOOL_OPTIONS", options.trim());
            }
            server = ServerProcess.attachedTo(workDir, "server", http, flavour.type(), pbx.port(), USER, secret, env);
            ServerApi api = new ServerApi(http, server);
            api.await("pbx/sim up", () -> "up".equals(api.pbxState("sim")), Duration.ofSeconds(120));
            List<List<String>> members = new ArrayList<>();
            for (int q = 0; q < queues; q++) {
                members.add(new ArrayList<>());
            }
            for (int i = 0; i < agents; i++) {
                String id = extension(i);
                api.post("/api/v1/agents", "{\"id\":\"" + id + "\",\"displayName\":\"" + id + "\",\"device\":\""
                        + flavour.device(extension(i)) + "\"}", 201);
                members.get(i % queues).add(id);
            }
            for (int q = 0; q < queues; q++) {
                api.post("/api/v1/queues", "{\"id\":\"" + (FIRST_QUEUE + q) + "\",\"name\":\"bench\","
                        + "\"reservationTimeoutSeconds\":5,\"members\":[\"" + String.join("\",\"", members.get(q)) + "\"]}", 201);
            }
            for (int i = 0; i < agents; i++) {
                api.post("/api/v1/agents/" + extension(i) + "/state", "{\"state\":\"available\"}", 200);
            }
            warmUpNanos = Math.max(1, warmUpSeconds * 1_000_000_000L);
            startedNanos = System.nanoTime();
            pbx.drive(this::listen);
            pbx.drive(this::scheduleArrival);
            System.out.printf(Locale.ROOT, "acd-latency %s: %s calls/s offered (Poisson), %d agents in %d queues,"
                    + " warm-up %d s, measured %d s%n", flavour.type(), callsPerSecond, agents, queues, warmUpSeconds,
                    measureSeconds);
            Thread.sleep(warmUpSeconds * 1000L);
            measuring.set(true);
            List<Integer> depth = new ArrayList<>();
            for (int s = 0; s < measureSeconds; s++) {
                Thread.sleep(1000);
                depth.add(waiting.get());
            }
            measuring.set(false);
            arriving.set(false);
            report(depth, server);
        } finally {
            arriving.set(false);
            ServerProcess.stopAll(server, pbx, workDir);
        }
    }

    /**
     * The AMI events a real Asterisk would not send the shipped manager user ({@code
     * dialplan/asterisk/manager_switchboard.conf}): its {@code eventfilter} exclusions, and the {@code dialplan}
     * class (Newexten, VarSet), which its {@code read} classes leave out. The simulator models the filters, not
     * the read classes, so the bench names both; without them the server parses about twice the events.
     */
    private static Set<String> shippedExclusions() throws IOException {
        Set<String> excluded = new TreeSet<>(DIALPLAN_CLASS);
        Pattern filter = Pattern.compile("^eventfilter\\(action\\(exclude\\),name\\(([A-Za-z]+)\\)\\)\\s*=\\s*$");
        for (String line : Files.readAllLines(Path.of("dialplan/asterisk/manager_switchboard.conf"))) {
            Matcher m = filter.matcher(line.trim());
            if (m.matches()) {
                excluded.add(m.group(1));
            }
        }
        return excluded;
    }

    private static String extension(int i) {
        return String.format(Locale.ROOT, "agent-%04d", i);
    }

    /** Engine thread: times the announcement of each caller and the command that connects it. */
    private void listen(SimWorld world) {
        world.listen(event -> {
            if (measuring.get()) {
                event.event().ifPresent(name -> eventsByName.merge(name, 1, Integer::sum));
            }
            if (event.first("UserEvent").filter("InboundCall"::equals).isPresent()) {
                event.first("Channel").ifPresent(channel -> {
                    announcements.incrementAndGet();
                    if (measuring.get()) {
                        announcedWhileMeasuring.incrementAndGet();
                    }
                    announced.put(channel, System.nanoTime());
                    waiting.incrementAndGet();
                });
            } else if (event.event().filter("BridgeEnter"::equals).isPresent()) {
                event.first("Channel").filter(announced::containsKey)
                        .ifPresent(caller -> world.after(TALK, () -> world.hangUp(caller)));
            } else if (event.event().filter("Hangup"::equals).isPresent()) {
                event.first("Channel").ifPresent(announced::remove);
            }
        });
        world.listenCommands(command -> connected(command).ifPresent(caller -> {
            connects.incrementAndGet();
            Long since = announced.get(caller);
            if (since != null && since != 0L) {
                long nanos = System.nanoTime() - since;
                announced.put(caller, 0L);
                waiting.decrementAndGet();
                if (measuring.get()) {
                    synchronized (latencies) {
                        latencies.add(nanos);
                    }
                }
            }
        }));
    }

    /** The caller a connect command is about: Asterisk's {@code Redirect}, FreeSWITCH's {@code uuid_transfer}. */
    private static Optional<String> connected(AmiMessage command) {
        if (command.first("Action").filter("Redirect"::equalsIgnoreCase).isPresent()) {
            return command.first("Channel");
        }
        return command.first("Command").filter(line -> line.startsWith("uuid_transfer "))
                .map(line -> line.split(" ")[1]);
    }

    /** Engine thread: Poisson arrivals, on the simulator's clock (ten times real time). */
    private void scheduleArrival(SimWorld world) {
        if (!arriving.get()) {
            return;
        }
        // the warm-up ramps the rate up from a tenth, so a cold JIT does not start with a backlog
        double ramp = Math.min(1, Math.max(0.1, (System.nanoTime() - startedNanos) / (double) warmUpNanos));
        double virtualRate = callsPerSecond * ramp * PbxFlavour.TIME_SCALE;
        long gapNanos = (long) (-Math.log(1 - random.nextDouble()) / virtualRate * 1e9);
        world.after(Duration.ofNanos(gapNanos), () -> {
            arrivals++;
            String queue = Long.toString(FIRST_QUEUE + random.nextInt(queues));
            world.inboundCall(InboundCall.of(String.format(Locale.ROOT, "+4930555%05d", arrivals % 100_000), queue));
            scheduleArrival(world);
        });
    }

    private void report(List<Integer> depth, ServerProcess server) {
        List<Long> sorted;
        synchronized (latencies) {
            sorted = latencies.stream().sorted().toList();
        }
        System.out.printf(Locale.ROOT, "callers announced %d, connect commands %d, waiting now %d%n",
                announcements.get(), connects.get(), waiting.get());
        if (sorted.isEmpty()) {
            System.out.println("no call was connected while measuring; server output:\n" + server.transcript());
            return;
        }
        System.out.printf(Locale.ROOT, "calls measured: %d (%.1f/s); event-in to command-out p50 %.2f ms, p99 %.2f ms,"
                        + " p99.9 %.2f ms, max %.2f ms%n", sorted.size(), sorted.size() / (double) depth.size(),
                millis(sorted, 0.50), millis(sorted, 0.99), millis(sorted, 0.999), sorted.get(sorted.size() - 1) / 1e6);
        double perCall = Math.max(1, announcedWhileMeasuring.get());
        Set<String> excluded = excludedEvents;
        System.out.printf(Locale.ROOT, "PBX events per call while measuring: %.1f emitted, %.1f sent to Switchboard"
                        + " (by name: %s)%n",
                eventsByName.values().stream().mapToInt(Integer::intValue).sum() / perCall,
                eventsByName.entrySet().stream().filter(e -> !excluded.contains(e.getKey()))
                        .mapToInt(Map.Entry::getValue).sum() / perCall, new TreeMap<>(eventsByName));
        int max = depth.stream().mapToInt(Integer::intValue).max().orElse(0);
        System.out.printf(Locale.ROOT, "callers waiting for their command, each second: %s; max %d, last %d (%s)%n",
                depth, max, depth.get(depth.size() - 1),
                depth.get(depth.size() - 1) <= Math.max(5, depth.get(0)) ? "no backlog" : "BACKLOG growing");
    }

    private static double millis(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }
}
