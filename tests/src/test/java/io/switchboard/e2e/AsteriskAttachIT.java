package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.switchboard.sim.asterisk.AsteriskSimulator;
import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.SimulatorConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fat jar attached to a simulated Asterisk over real AMI, as an admin would configure it: {@code /status}
 * follows the AMI session (up, refused login, reconnect after a restart) and the events of an inbound call
 * reach the server. The simulator runs in this JVM, the server in its own process.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class AsteriskAttachIT {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    private static final Duration ATTACH = Duration.ofSeconds(30);
    private static final String USER = "cti";
    private static final String SECRET = "Sim-Secret-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String CALLER = "+4930555123";
    private static final Pattern CALL_OFFERED =
            Pattern.compile("(?m)^switchboard_pbx_events_total\\{[^}]*pbx=\"sim\"[^}]*type=\"CallOffered\"[^}]*} (\\S+)$");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path workDir;
    private static AsteriskSimulator asterisk;
    private static ServerProcess server;
    private static String url;

    @BeforeAll
    static void startAsteriskAndAttachedServer() throws Exception {
        workDir = Path.of(System.getProperty("e2e.work.dir", "target/e2e"), "asterisk-" + UUID.randomUUID());
        Files.createDirectories(workDir);
        asterisk = new AsteriskSimulator(SimulatorConfig.of(USER, SECRET)).start(0);
        int http = ServerProcess.freePort();
        server = ServerProcess.attachedToAsterisk(workDir, "attached", http, asterisk.port(), USER, SECRET);
        url = "http://127.0.0.1:" + http;
        awaitStatus(server, url, "up", STARTUP);
    }

    @AfterAll
    static void stopAll() throws Exception {
        ServerProcess.stopAll(server, asterisk, workDir);
    }

    @Test
    void status_shows_the_asterisk_up_once_logged_in_and_never_the_secret() throws Exception {
        JsonNode pbx = awaitStatus(server, url, "up", ATTACH);

        assertThat(pbx.path("kind").asText()).isEqualTo("pbx");
        assertThat(pbx.path("required").asBoolean()).isFalse();
        assertThat(pbx.path("detail").asText()).contains("logged in as " + USER);
        assertThat(get(url + "/status").body()).doesNotContain(SECRET);
        assertThat(server.transcript()).doesNotContain(SECRET);
    }

    @Test
    void a_wrong_secret_shows_the_pbx_down_with_the_refused_login_and_never_the_secret() throws Exception {
        String wrong = "Wrong-Secret-" + UUID.randomUUID().toString().substring(0, 8);
        int http = ServerProcess.freePort();
        try (ServerProcess refused =
                ServerProcess.attachedToAsterisk(workDir, "refused", http, asterisk.port(), USER, wrong)) {
            String refusedUrl = "http://127.0.0.1:" + http;
            JsonNode pbx = awaitStatus(refused, refusedUrl,
                    entry -> entry.path("detail").asText().toLowerCase().contains("authentication"), STARTUP);

            assertThat(pbx.path("state").asText()).isEqualTo("down");
            assertThat(get(refusedUrl + "/health/ready").statusCode()).as("a PBX does not gate readiness").isEqualTo(200);
            assertThat(get(refusedUrl + "/status").body()).doesNotContain(wrong);
            refused.stop(Duration.ofSeconds(60));
            assertThat(refused.transcript()).doesNotContain(wrong);
        }
    }

    @Test
    void when_asterisk_restarts_on_the_same_port_the_status_goes_down_then_up_again() throws Exception {
        awaitStatus(server, url, "up", ATTACH);
        int port = asterisk.port();

        asterisk.stop();
        JsonNode down = awaitStatus(server, url, "down", ATTACH);
        asterisk = new AsteriskSimulator(SimulatorConfig.of(USER, SECRET)).start(port);
        JsonNode up = awaitStatus(server, url, "up", ATTACH);

        assertThat(down.path("detail").asText()).doesNotContain(SECRET);
        assertThat(up.path("detail").asText()).contains("logged in");
    }

    @Test
    void an_inbound_call_reaches_the_server_as_call_offered() throws Exception {
        awaitStatus(server, url, "up", ATTACH);
        double before = callsOffered();

        asterisk.inboundCall(InboundCall.of(CALLER, "4930123456"));

        long deadline = System.nanoTime() + ATTACH.toNanos();
        while (callsOffered() <= before) {
            assertThat(System.nanoTime()).as("CallOffered counted within %s\n%s", ATTACH, server.transcript())
                    .isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertThat(server.transcript()).as("logs carry ids, not phone numbers").doesNotContain(CALLER.substring(1));
        assertThat(get(url + "/metrics").body()).as("skipped AMI input is counted per PBX")
                .containsPattern("(?m)^switchboard_ami_input_skipped_total\\{[^}]*pbx=\"sim\"[^}]*} \\S+$");
    }

    private static double callsOffered() throws Exception {
        Matcher counted = CALL_OFFERED.matcher(get(url + "/metrics").body());
        return counted.find() ? Double.parseDouble(counted.group(1)) : 0;
    }

    private static JsonNode awaitStatus(ServerProcess process, String base, String state, Duration timeout)
            throws Exception {
        return awaitStatus(process, base, entry -> state.equals(entry.path("state").asText()), timeout);
    }

    /** Polls {@code /status} until {@code pbx/sim} matches; fails with the last answer and the server's output. */
    private static JsonNode awaitStatus(ServerProcess process, String base, Predicate<JsonNode> wanted,
            Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "(no answer yet)";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> status = get(base + "/status");
                last = status.body();
                JsonNode entry = JSON.readTree(last).path("dependencies").path("pbx/sim");
                if (wanted.test(entry)) {
                    return entry;
                }
            } catch (IOException notListeningYet) {
                last = notListeningYet.toString();
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
        throw new AssertionError("pbx/sim not as expected within " + timeout + "; last /status: " + last + "\n"
                + process.transcript());
    }

    private static HttpResponse<String> get(String target) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(target)).timeout(Duration.ofSeconds(10))
                .header("authorization", "Bearer " + ServerProcess.ADMIN_TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
