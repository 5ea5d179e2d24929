package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.sim.SimulatedPbx;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import io.switchboard.sim.asterisk.SimWorld;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark behind {@code bench/desk-latency.sh}: reservation to screen pop on the agent's WebSocket, on a
 * real server (the fat jar: embedded MariaDB, a Hazelcast member) attached to pbx-sim over real sockets, with
 * Salesforce, HubSpot and Zendesk enabled against one {@link CrmDouble} that answers at once (so the figure leaves
 * out a CRM's own response time, as far as a local WireMock answering from memory can). Every agent has its event
 * socket open ({@code GET /api/v1/agents/{id}/events}, authenticated by its first frame) in this process. Callers
 * arrive as a Poisson process at a steady rate; each rings one agent, talks a short while and hangs up.
 *
 * <p>For each call rung while measuring: the desk's {@code ringing} message carries {@code at}, the router's
 * {@code AgentRung} step time (the reservation ringing the agent); the clock stops when the {@code pop} for that
 * call arrives at the socket, and, separately, when the {@code ringing} message itself arrives. Both ends are wall
 * clock on this machine ({@link Instant#now}, microseconds on Linux): the server and this driver share it.
 *
 * <p>Usage: {@code DeskLatency asterisk|freeswitch [callsPerSecond] [measureSeconds] [warmUpSeconds] [agents]}
 * (defaults 10 60 10 60), with the system property {@code switchboard.jar}.
 */
public final class DeskLatency {

    private static final String USER = "bench";
    private static final String QUEUE = "4930100800";
    /** Virtual times (the simulator runs ten times faster): rings 1 s (0.1 s), talks 20 s (2 s). */
    private static final Phone AGENT_PHONE = new Phone.Answers(Duration.ofSeconds(1), Duration.ofSeconds(20));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PbxFlavour flavour;
    private final double callsPerSecond;
    private final Map<String, Instant> rungAt = new ConcurrentHashMap<>();
    private final Map<String, Instant> popArrived = new ConcurrentHashMap<>();
    private final List<Long> popMicros = new ArrayList<>();
    private final List<Long> ringingMicros = new ArrayList<>();
    private final AtomicBoolean measuring = new AtomicBoolean();
    private final AtomicBoolean arriving = new AtomicBoolean(true);
    private final AtomicInteger rungWhileMeasuring = new AtomicInteger();
    private final SplittableRandom random = new SplittableRandom(7);
    private int arrivals;

    private DeskLatency(PbxFlavour flavour, double callsPerSecond) {
        this.flavour = flavour;
        this.callsPerSecond = callsPerSecond;
    }

    public static void main(String[] args) throws Exception {
        PbxFlavour flavour = PbxFlavour.valueOf(args[0].toUpperCase(Locale.ROOT));
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        int measure = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int agents = args.length > 4 ? Integer.parseInt(args[4]) : 60;
        new DeskLatency(flavour, rate).run(measure, warmUp, agents);
        System.exit(0);
    }

    private void run(int measureSeconds, int warmUpSeconds, int agents) throws Exception {
        Path workDir = Files.createDirectories(Path.of(System.getProperty("bench.work.dir", "target/bench"),
                "desk-latency-" + flavour.type() + "-" + UUID.randomUUID()));
        String secret = "Bench-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Phone> phones = new HashMap<>();
        for (int i = 0; i < agents; i++) {
            phones.put(flavour.device(extension(i)), AGENT_PHONE);
        }
        CrmDouble crm = new CrmDouble();
        SimulatedPbx pbx = flavour.start(phones, USER, secret, 0);
        ServerProcess server = null;
        List<WebSocket> sockets = new ArrayList<>();
        try {
            int http = ServerProcess.freePort();
            Map<String, String> env = new HashMap<>(Map.of("SWITCHBOARD_LOGGING_LEVEL", "warn"));
            env.putAll(crmEnvironment(crm.url(), "Bench-" + UUID.randomUUID(), "pat-na1-bench",
                    "ZdBench" + UUID.randomUUID().toString().replace("-", "")));
            server = ServerProcess.attachedTo(workDir, "server", http, flavour.type(), pbx.port(), USER, secret, env);
            ServerApi api = new ServerApi(http, server);
            api.await("pbx/sim up", () -> "up".equals(api.pbxState("sim")), Duration.ofSeconds(120));
            List<String> members = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                String id = extension(i);
                api.post("/api/v1/agents", "{\"id\":\"" + id + "\",\"displayName\":\"" + id + "\",\"device\":\""
                        + flavour.device(id) + "\"}", 201);
                members.add(id);
            }
            api.post("/api/v1/queues", "{\"id\":\"" + QUEUE + "\",\"name\":\"desk bench\",\"ringTimeoutSeconds\":5,"
                    + "\"members\":[\"" + String.join("\",\"", members) + "\"]}", 201);
            HttpClient client = HttpClient.newHttpClient();
            CountDownLatch ready = new CountDownLatch(agents);
            for (String id : members) {
                sockets.add(client.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + http
                        + "/api/v1/agents/" + id + "/events"), new Listener(ServerProcess.ADMIN_TOKEN, ready)).join());
            }
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(ready.getCount() + " agent sockets not ready in 30 s");
            }
            for (String id : members) {
                api.post("/api/v1/agents/" + id + "/state", "{\"state\":\"available\"}", 200);
            }
            long started = System.nanoTime();
            pbx.drive(world -> scheduleArrival(world, started, warmUpSeconds));
            System.out.printf(Locale.ROOT, "desk-latency %s: %s calls/s offered (Poisson), %d agents with their event "
                    + "socket open, 3 CRMs answering at once, warm-up %d s, measured %d s%n", flavour.type(),
                    callsPerSecond, agents, warmUpSeconds, measureSeconds);
            Thread.sleep(warmUpSeconds * 1000L);
            measuring.set(true);
            Thread.sleep(measureSeconds * 1000L);
            measuring.set(false);
            arriving.set(false);
            Thread.sleep(3000);
            report(measureSeconds, server);
        } finally {
            arriving.set(false);
            sockets.forEach(WebSocket::abort);
            ServerProcess.stopAll(server, pbx, workDir);
            crm.close();
        }
    }

    /** One agent's socket: authenticates with its first frame, then times ringing and pop messages. */
    private final class Listener implements WebSocket.Listener {
        private final String token;
        private final CountDownLatch ready;
        private final StringBuilder partial = new StringBuilder();

        Listener(String token, CountDownLatch ready) {
            this.token = token;
            this.ready = ready;
        }

        @Override
        public void onOpen(WebSocket socket) {
            socket.sendText("{\"type\":\"auth\",\"token\":\"" + token + "\"}", true);
            socket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            Instant arrived = Instant.now();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    seen(JSON.readTree(text), arrived);
                } catch (Exception e) {
                    System.err.println("unreadable message: " + e);
                }
            }
            socket.request(1);
            return CompletableFuture.completedFuture(null);
        }

        private void seen(JsonNode message, Instant arrived) {
            String type = message.path("type").asText();
            if (type.equals("ready")) {
                ready.countDown();
            } else if (type.equals("ringing")) {
                String call = message.path("callId").asText();
                Instant rung = Instant.parse(message.path("at").asText());
                rungAt.put(call, rung);
                if (measuring.get()) {
                    rungWhileMeasuring.incrementAndGet();
                    note(ringingMicros, Duration.between(rung, arrived));
                }
                Instant pop = popArrived.remove(call);
                if (pop != null && measuring.get()) {
                    note(popMicros, Duration.between(rung, pop));
                }
            } else if (type.equals("pop")) {
                String call = message.path("callId").asText();
                Instant rung = rungAt.remove(call);
                if (rung == null) {
                    popArrived.put(call, arrived);
                } else if (measuring.get()) {
                    note(popMicros, Duration.between(rung, arrived));
                }
            }
        }
    }

    /**
     * {@code SWITCHBOARD_CRM_*} for Salesforce, HubSpot and Zendesk all pointed at a {@link CrmDouble} at
     * {@code url}, with the outbox polling every second, as {@link CrmScenarios} sets them.
     */
    static Map<String, String> crmEnvironment(String url, String sfSecret, String hsToken, String zdToken) {
        return Map.ofEntries(
                Map.entry("SWITCHBOARD_CRM_SALESFORCE_ENABLED", "true"),
                Map.entry("SWITCHBOARD_CRM_SALESFORCE_INSTANCE_URL", url),
                Map.entry("SWITCHBOARD_CRM_SALESFORCE_CLIENT_ID", "3MVG9switchboard-e2e"),
                Map.entry("SWITCHBOARD_CRM_SALESFORCE_CLIENT_SECRET", sfSecret),
                Map.entry("SWITCHBOARD_CRM_HUBSPOT_ENABLED", "true"),
                Map.entry("SWITCHBOARD_CRM_HUBSPOT_ACCESS_TOKEN", hsToken),
                Map.entry("SWITCHBOARD_CRM_HUBSPOT_API_URL", url),
                Map.entry("SWITCHBOARD_CRM_HUBSPOT_PORTAL_ID", "2468013"),
                Map.entry("SWITCHBOARD_CRM_ZENDESK_ENABLED", "true"),
                Map.entry("SWITCHBOARD_CRM_ZENDESK_SUBDOMAIN", "acme"),
                Map.entry("SWITCHBOARD_CRM_ZENDESK_EMAIL", "agent@acme.example"),
                Map.entry("SWITCHBOARD_CRM_ZENDESK_API_TOKEN", zdToken),
                Map.entry("SWITCHBOARD_CRM_ZENDESK_API_URL", url),
                Map.entry("SWITCHBOARD_CRM_ZENDESK_APP_ID", "735264019863524"),
                Map.entry("SWITCHBOARD_CRM_OUTBOX_POLL_INTERVAL_SECONDS", "1"),
                Map.entry("SWITCHBOARD_CRM_OUTBOX_MAX_DELAY_SECONDS", "10"));
    }

    private static void note(List<Long> into, Duration latency) {
        synchronized (into) {
            into.add(latency.toNanos() / 1000);
        }
    }

    private static String extension(int i) {
        return String.format(Locale.ROOT, "desk-%04d", i);
    }

    /** Engine thread: Poisson arrivals on the simulator's clock (ten times real time), ramped over the warm-up. */
    private void scheduleArrival(SimWorld world, long started, int warmUpSeconds) {
        if (!arriving.get()) {
            return;
        }
        double ramp = Math.min(1, Math.max(0.1, (System.nanoTime() - started) / (warmUpSeconds * 1e9)));
        double virtualRate = callsPerSecond * ramp * PbxFlavour.TIME_SCALE;
        long gapNanos = (long) (-Math.log(1 - random.nextDouble()) / virtualRate * 1e9);
        world.after(Duration.ofNanos(gapNanos), () -> {
            arrivals++;
            world.inboundCall(InboundCall.of(String.format(Locale.ROOT, "+4420794%05d", arrivals % 100_000), QUEUE));
            scheduleArrival(world, started, warmUpSeconds);
        });
    }

    private void report(int measureSeconds, ServerProcess server) {
        System.out.printf(Locale.ROOT, "agents rung while measuring: %d (%.1f/s); pops measured: %d%n",
                rungWhileMeasuring.get(), rungWhileMeasuring.get() / (double) measureSeconds, popMicros.size());
        print("AgentRung to pop message on the agent's socket", popMicros, server);
        print("AgentRung to ringing message on the agent's socket", ringingMicros, server);
    }

    private static void print(String what, List<Long> micros, ServerProcess server) {
        List<Long> sorted;
        synchronized (micros) {
            sorted = micros.stream().sorted().toList();
        }
        if (sorted.isEmpty()) {
            System.out.println(what + ": nothing measured; server output:\n" + server.transcript());
            return;
        }
        System.out.printf(Locale.ROOT, "%s: count %d, p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", what, sorted.size(),
                at(sorted, 0.50), at(sorted, 0.99), sorted.get(sorted.size() - 1) / 1e3);
    }

    private static double at(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e3;
    }
}
