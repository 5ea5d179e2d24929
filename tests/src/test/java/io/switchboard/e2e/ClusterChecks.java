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
 * io.switchboard.sim.CommandLog}) and what the nodes wrote ({@link ClusterDatabase}), each caller connected once and
 * recorded once, no phone rung twice at once, one driver of the PBX at a time, and the same agent states through
 * every node; and what is left for the takeover of calls in flight to carry over ({@link #notCarriedOver}).
 */
final class ClusterChecks {

    /** How long the nodes may take to write every record once the PBX is done with the callers. */
    private static final Duration RECORDS = Duration.ofSeconds(20);

    private final Cluster cluster;

    /**
     * A caller connected on the PBX this close before its owner died may have no CONNECT: when the owner's call-in-
     * flight update (connected) reached the grid but its journal write, a few milliseconds behind, died with it, the
     * next owner carries a talking call over and has no way to know the row is missing (docs/cluster.md, Limits).
     * When both died, the resync's answered legs make the next owner write the CONNECT (Handover's ANSWERED). Such
     * callers are printed, not failed; any other gap fails.
     */
    static final java.time.Duration CONNECTED_AS_OWNER_DIED = java.time.Duration.ofSeconds(1);
    private volatile java.time.Instant ownerLostAt = java.time.Instant.MIN;
    private final java.util.Set<String> connectedAsOwnerDied = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The owner was killed or frozen at {@code at}. */
    void ownerLostAt(java.time.Instant at) {
        ownerLostAt = at;
    }

    /** Whether {@code channel} entered its bridge within {@link #CONNECTED_AS_OWNER_DIED} before the owner was lost. */
    private boolean connectedAsOwnerDied(String channel) {
        return cluster.watch().bridgedAt(channel).filter(at -> !at.isAfter(ownerLostAt)
            && !at.isBefore(ownerLostAt.minus(CONNECTED_AS_OWNER_DIED))).isPresent();
    }

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
     * What PBX ownership alone guarantees through a failover: every caller (of the traffic and those {@code waiting}
     * through it) was connected to an agent exactly once and hung up, none lost; no phone was rung for two calls at
     * once; the PBX was driven by one session at a time; each caller has one call record and one CONNECT in
     * queue_log. Fails with every discrepancy found. Returns the callers, for {@link #notCarriedOver}.
     */
    Map<String, String> assertNumbersAddUp(CallerTraffic traffic, Map<String, String> waiting) throws Exception {
        Map<String, String> callers = new LinkedHashMap<>(traffic.callers());
        callers.putAll(waiting);
        PbxWatch watch = cluster.watch();
        List<String> pending = new ArrayList<>();
        cluster.await("every caller connected and gone", () -> {
            pending.clear();
            callers.forEach((number, channel) -> {
                if (watch.bridged(channel) == 0 || !watch.gone(channel)) {
                    pending.add(number + " (bridged " + watch.bridged(channel) + ", gone " + watch.gone(channel) + ")");
                }
            });
            if (!pending.isEmpty()) {
                throw new java.io.IOException("still on the PBX: " + pending);
            }
            return true;
        }, ClusterScenarios.SOON);
        // the nodes write their records after the PBX's events: give them the time to, then read what is there
        long deadline = System.nanoTime() + RECORDS.toNanos();
        List<String> discrepancies = discrepancies(callers);
        while (!discrepancies.isEmpty() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(500);
            discrepancies = discrepancies(callers);
        }
        assertThat(discrepancies).as("callers lost, connected twice or recorded twice (of %d)", callers.size())
                .isEmpty();
        assertThat(watch.doubleBookings()).as("phones rung for two calls at once").isEmpty();
        assertThat(watch.legsRung()).as("agents' legs the PBX rang").isGreaterThanOrEqualTo(callers.size());
        assertThat(cluster.commands().drivers()).as("sessions that drove the PBX, in turn").doesNotHaveDuplicates();
        return callers;
    }

    /**
     * What only the router's takeover of the calls in flight (InboundRouting.takeOver, branch wt-handover) can give,
     * read after {@link #assertNumbersAddUp}: each call record ended, one ENTERQUEUE (a caller who waited through
     * the failover is not entered again) and one completion in queue_log. Without it the calls talking at the
     * failover stay open and the callers waiting are entered twice; empty once it is merged, when the cases should
     * assert it too.
     */
    List<String> notCarriedOver(Map<String, String> callers) throws Exception {
        List<String> found = new ArrayList<>();
        List<ClusterDatabase.QueueLogRow> log = cluster.database().callRows();
        for (String number : callers.keySet()) {
            List<ClusterDatabase.CallRow> calls = cluster.database().callsFrom(number);
            if (calls.stream().anyMatch(call -> !call.ended())) {
                found.add(number + "'s call record not ended");
            }
            List<String> ids = entries(log, number);
            if (ids.size() != 1) {
                found.add(number + " entered the queue " + ids.size() + " times");
            }
            long completions = log.stream().filter(r -> ids.contains(r.callId()) && r.event().startsWith("COMPLETE"))
                    .count();
            if (connectedAsOwnerDied.contains(number)) {
                System.out.printf("cluster failover: %s connected on the PBX as its owner died; recorded without a"
                        + " CONNECT (%d completions): a known limit%n", number, completions);
            } else if (completions != 1) {
                found.add(number + " completed " + completions + " times in queue_log");
            }
        }
        return found;
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

    /** What is wrong with each caller's bridges, call record and CONNECT rows; empty when all add up. */
    private List<String> discrepancies(Map<String, String> callers) throws Exception {
        List<String> found = new ArrayList<>();
        List<ClusterDatabase.QueueLogRow> log = cluster.database().callRows();
        for (Map.Entry<String, String> caller : callers.entrySet()) {
            String number = caller.getKey();
            int bridges = cluster.watch().bridged(caller.getValue());
            if (bridges != 1) {
                found.add(number + " bridged " + bridges + " times");
            }
            int calls = cluster.database().callsFrom(number).size();
            if (calls != 1) {
                found.add(number + " has " + calls + " call records");
            }
            List<String> ids = entries(log, number);
            List<String> connects = log.stream().filter(r -> ids.contains(r.callId()) && r.event().equals("CONNECT"))
                    .map(ClusterDatabase.QueueLogRow::agent).toList();
            if (ids.size() == 1 && connects.isEmpty() && connectedAsOwnerDied(caller.getValue())) {
                connectedAsOwnerDied.add(number);
            } else if (ids.isEmpty() || connects.size() != 1) {
                found.add(number + " entered the queue as " + ids + " and was connected to " + connects);
            }
        }
        return found;
    }

    /** The distinct call ids of the caller's ENTERQUEUE rows. */
    private static List<String> entries(List<ClusterDatabase.QueueLogRow> log, String number) {
        return log.stream().filter(r -> r.event().equals("ENTERQUEUE") && r.data2().equals(number))
                .map(ClusterDatabase.QueueLogRow::callId).toList();
    }
}
