package io.switchboard.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

/**
 * Keeps what a failover case leaves behind beside the work directory ({@code cluster-logs/}, which the work
 * directory's removal spares): each node's log, the whole queue_log and the callers' numbers with their channels,
 * so a case that failed in CI can be traced (which node wrote which row, and when).
 */
final class ClusterRecords {
    private ClusterRecords() {
    }

    static void save(Cluster cluster, String what, Map<String, String> callers) {
        try {
            Path dir = Path.of(System.getProperty("e2e.work.dir", "target/e2e")).toAbsolutePath().resolveSibling("cluster-logs");
            Files.createDirectories(dir);
            for (ClusterNode node : cluster.nodes()) {
                Files.writeString(dir.resolve(what + "-" + node.name() + ".log"), node.transcript());
            }
            StringBuilder rows = new StringBuilder();
            try (Connection c = DriverManager.getConnection(cluster.database().jdbcUrl(), ClusterDatabase.USER, "");
                    Statement st = c.createStatement();
                    ResultSet r = st.executeQuery("SELECT id, time, callid, queuename, agent, event, data1, data2, data3"
                            + " FROM queue_log ORDER BY id")) {
                while (r.next()) {
                    rows.append(r.getLong(1)).append(' ').append(r.getString(2)).append(' ').append(r.getString(3))
                            .append(' ').append(r.getString(4)).append(' ').append(r.getString(5)).append(' ')
                            .append(r.getString(6)).append(' ').append(r.getString(7)).append(' ')
                            .append(r.getString(8)).append(' ').append(r.getString(9)).append('\n');
                }
            }
            StringBuilder map = new StringBuilder();
            callers.forEach((n, ch) -> map.append(n).append(' ').append(ch).append('\n'));
            Files.writeString(dir.resolve(what + "-queue_log.txt"), rows);
            Files.writeString(dir.resolve(what + "-callers.txt"), map);
            System.out.println("cluster records of " + what + " in " + dir);
        } catch (Exception e) {
            System.out.println("cluster records of " + what + " not saved: " + e);
        }
    }
}
