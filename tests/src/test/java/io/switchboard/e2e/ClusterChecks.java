package io.switchboard.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.switchboard.sim.SessionCommand;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a cluster case checks once the dust has settled: from what the PBX saw ({@link PbxWatch}, the {@link
 * io.switchboard.sim.CommandLog}) and what the nodes wrote ({@link ClusterDatabase}), each caller connected once,
 * recorded once (an ended call record) and counted once in queue_log (ENTERQUEUE, CONNECT, one completion; a
 * RINGNOANSWER in between is a ring that was not answered), no phone rung twice at once, one driver of the PBX at a
 * time, and the same agent states through every node.
 */
final class ClusterChecks {

    /** How long the nodes may take to write every record once the PBX is done with the callers. */
    private static final Duration RECORDS = Duration.ofSeconds(20);

    private final Cluster cluster;

    ClusterChecks(Cluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Since {@code driversBefore}, the PBX was driven by one more session only, the one that sent {@code first}: the
     * old owner's fell silent and no third connection (the old owner reconnecting, say) drove it.
     */
    void assertOneNewDriver(List<Integer> driversBefore, SessionCommand first) {
        List<Integer> expected = new ArrayList<>(driversBefore);
        expected.add(first.session());
        assertThat(cluster.commands().drivers()).as("the sessions that drove the PBX, in turn").isEqualTo(expected);
    }

    /**
     * Every caller (of the traffic and those who {@code waiting} through the failover) was connected to an agent
     * exactly once and hung up, no phone was rung for two calls at once, the
     * PBX was driven by one session at a time, and the database holds each caller once: one call record (ended), one
     * ENTERQUEUE, one CONNECT and one completion in queue_log. Fails with every discrepancy found.
     */
    void assertNumbersAddUp(CallerTraffic traffic, Map<String, String> waiting) throws Exception {
        Map<String, String> callers = new LinkedHashMap<>(traffic.callers());
        callers.putAll(waiting);
        PbxWatch watch = cluster.watch();
        cluster.await("every caller connected and gone", () -> callers.values().stream()
                .allMatch(c -> watch.bridged(c) > 0 && watch.gone(c)), ClusterScenarios.SOON);
        // the nodes write their records after the PBX's events: give them the time to, then read what is there
        long deadline = System.nanoTime() + RECORDS.toNanos();
        List<String> discrepancies = discrepancies(callers);
        while (!discrepancies.isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(500);
            discrepancies = discrepancies(callers);
        }
        assertThat(discrepancies).as("callers not connected, recorded and counted exactly once (of %d)",
                callers.size()).isEmpty();
        assertThat(watch.doubleBookings()).as("phones rung for two calls at once").isEmpty();
        assertThat(watch.legsRung()).as("agents' legs the PBX rang").isGreaterThanOrEqualTo(callers.size());
        assertThat(cluster.commands().drivers()).as("sessions that drove the PBX, in turn").doesNotHaveDuplicates();
    }

    /** Every serving node reports each of {@code agents} in the same state, with the same version and since. */
    void assertSameAgentStates(List<String> agents) throws Exception {
        cluster.await("the same agent states on every node", () -> {
            Map<String, String> seen = new HashMap<>();
            for (ClusterNode node : cluster.serving()) {
                for (String agent : agents) {
                    JsonNode state = node.api().getJson("/api/v1/agents/" + agent + "/state");
                    String view = state.path("state").asText() + "/" + state.path("version").asText() + "/"
                            + state.path("since").asText();
                    if (!seen.computeIfAbsent(agent, a -> view).equals(view)) {
                        return false;
                    }
                }
            }
            return true;
        }, ClusterScenarios.SOON);
    }

    /** What is wrong with each caller's bridges, call record and queue_log rows; empty when all add up. */
    private List<String> discrepancies(Map<String, String> callers) throws Exception {
        List<String> found = new ArrayList<>();
        List<ClusterDatabase.QueueLogRow> log = cluster.database().callRows();
        for (Map.Entry<String, String> caller : callers.entrySet()) {
            String number = caller.getKey();
            int bridges = cluster.watch().bridged(caller.getValue());
            if (bridges != 1) {
                found.add(number + " bridged " + bridges + " times");
            }
            List<ClusterDatabase.CallRow> calls = cluster.database().callsFrom(number);
            if (calls.size() != 1 || !calls.get(0).ended()) {
                found.add(number + " has call records " + calls);
            }
            List<String> entered = log.stream().filter(r -> r.event().equals("ENTERQUEUE") && r.data2().equals(number))
                    .map(ClusterDatabase.QueueLogRow::callId).toList();
            if (entered.size() != 1) {
                found.add(number + " entered the queue " + entered.size() + " times");
                continue;
            }
            List<String> events = log.stream().filter(r -> r.callId().equals(entered.get(0)))
                    .map(r -> r.event() + (r.agent().isEmpty() || r.agent().equals("NONE") ? "" : ":" + r.agent()))
                    .filter(e -> !e.startsWith("RINGNOANSWER")).toList();
            if (events.size() != 3 || !events.get(0).equals("ENTERQUEUE") || !events.get(1).startsWith("CONNECT:")
                    || !events.get(2).matches("COMPLETE(CALLER|AGENT):.*")) {
                found.add(number + " in queue_log: " + events);
            }
        }
        return found;
    }
}
