package io.switchboard.e2e;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator sees from the fat jar when the input is wrong: one clear
 * line naming the problem, a non-zero exit, never a stack-trace wall.
 */
class BadInputIT {

    private static final Duration EXIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void an_unknown_config_key_is_named_with_the_file_and_the_process_exits_non_zero() throws Exception {
        Path config = Files.writeString(dir.resolve("switchboard.yaml"), """
                http:
                  port: 8080
                databse:
                  url: jdbc:mariadb://127.0.0.1:3306/switchboard
                """);

        try (ServerProcess run = ServerProcess.start(Map.of(), "run", "--config", config.toString())) {
            assertThat(run.awaitExit(EXIT)).isNotZero();
            assertThat(String.join("\n", run.stderr())).contains("databse").contains(config.toString());
            assertNoStackTrace(run);
        }
    }

    @Test
    void a_value_of_the_wrong_type_names_the_key_and_the_file() throws Exception {
        Path config = Files.writeString(dir.resolve("switchboard.yaml"), """
                http:
                  port: eighty
                """);

        try (ServerProcess run = ServerProcess.start(Map.of(), "run", "--config", config.toString())) {
            assertThat(run.awaitExit(EXIT)).isNotZero();
            assertThat(String.join("\n", run.stderr())).contains("http.port").contains(config.toString());
            assertNoStackTrace(run);
        }
    }

    @Test
    void an_unreachable_database_is_named_with_its_password_masked() throws Exception {
        Path config = Files.writeString(dir.resolve("switchboard.yaml"), """
                database:
                  url: jdbc:mariadb://127.0.0.1:1/switchboard
                  user: switchboard
                  password: hunter2-secret
                """);

        try (ServerProcess run = ServerProcess.start(Map.of(), "run", "--config", config.toString())) {
            assertThat(run.awaitExit(EXIT)).isNotZero();
            String everything = run.transcript();
            assertThat(String.join("\n", run.stderr())).contains("jdbc:mariadb://127.0.0.1:1/switchboard");
            assertThat(everything).doesNotContain("hunter2-secret");
            assertNoStackTrace(run);
        }
    }

    @Test
    void a_port_already_in_use_is_named() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            // a fresh directory each run: a database left by an older build's migrations would refuse to start
            Path data = Path.of(System.getProperty("e2e.work.dir", "target/e2e"), "port-in-use-" + UUID.randomUUID());
            try (ServerProcess demo = ServerProcess.start(Map.of(), "demo", "--port", String.valueOf(port),
                    "--data-dir", data.toString())) {
                assertThat(demo.awaitExit(EXIT)).isNotZero();
                assertThat(String.join("\n", demo.stderr())).contains(String.valueOf(port)).contains("in use");
                assertNoStackTrace(demo);
            }
        }
    }

    private static void assertNoStackTrace(ServerProcess process) {
        List<String> stderr = process.stderr();
        assertThat(stderr).as(process.transcript()).noneMatch(line -> line.startsWith("\tat ") || line.startsWith("    at "));
        assertThat(stderr).as(process.transcript()).noneMatch(line -> line.contains("Exception in thread"));
    }
}
