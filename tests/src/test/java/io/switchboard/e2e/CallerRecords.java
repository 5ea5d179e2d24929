package io.switchboard.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The per-caller accounting a cluster test ends with: from what the PBX saw ({@link PbxWatch}) and what the nodes
 * wrote ({@link ClusterDatabase}), each caller connected once, recorded once (an ended call record) and counted once
 * in queue_log (ENTERQUEUE, CONNECT, one completion; a RINGNOANSWER in between is a ring that was not answered).
 */
final class CallerRecords {

    private CallerRecords() {
    }

    /** What is wrong with each caller's bridges, call record and queue_log rows; empty when all add up. */
    static List<String> discrepancies(Cluster cluster, Map<String, String> callers) throws Exception {
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
