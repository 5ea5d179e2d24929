package io.switchboard.e2e;

import io.switchboard.sim.asterisk.InboundCall;
import io.switchboard.sim.asterisk.Phone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live KPIs on {@code /metrics} as Prometheus scrapes them (docs/kpis.md, "Prometheus meters"): a queue's
 * series appear once the node counted a call for it, follow the callers waiting, count the answered call since
 * midnight, and the PBX's session and this node's ownership of it show as 1.
 */
abstract class MetricsScenarios extends PbxScenarios {

    private static final String ANSWERED_DID = "4930100300";
    private static final String WAITING_DID = "4930100301";

    MetricsScenarios(PbxFlavour flavour) {
        super(flavour);
    }

    @BeforeAll
    void startPbxServerAgentsAndQueues() throws Exception {
        attach("metrics", Map.of(
                flavour.device("1301"), new Phone.Answers(Duration.ofSeconds(1), Duration.ofSeconds(1)),
                flavour.device("1302"), new Phone.NeverAnswers()));
        agent("m1", "Mia", "1301");
        agent("m2", "Max", "1302");
        queue(ANSWERED_DID, "metrics-answered", 0, "m1");
        queue(WAITING_DID, "metrics-waiting", 0, "m2");
        availableInTurn("m1");
    }

    @Test
    void an_answered_call_is_counted_per_queue_and_the_pbx_shows_connected_and_owned() throws Exception {
        pbx.inboundCall(InboundCall.of("+4930555301", ANSWERED_DID));
        awaitQueueLog("queue=" + ANSWERED_DID, "COMPLETE");

        api.await("the answered call on /metrics",
                () -> sample("switchboard_queue_calls_answered_total", "queue=\"" + ANSWERED_DID + "\""),
                v -> v.isPresent() && v.getAsDouble() == 1.0, SOON);
        assertThat(sample("switchboard_queue_calls_offered_total", "queue=\"" + ANSWERED_DID + "\"")).hasValue(1.0);
        assertThat(sample("switchboard_queue_calls_answered_in_threshold_total", "queue=\"" + ANSWERED_DID + "\""))
                .hasValue(1.0);
        assertThat(sample("switchboard_queue_service_level_ratio", "queue=\"" + ANSWERED_DID + "\"")).hasValue(1.0);
        assertThat(sample("switchboard_queue_calls_waiting", "queue=\"" + ANSWERED_DID + "\"")).hasValue(0.0);
        assertThat(sample("switchboard_pbx_connected", "pbx=\"sim\"")).hasValue(1.0);
        assertThat(sample("switchboard_pbx_owned", "pbx=\"sim\"")).hasValue(1.0);
        assertThat(api.get("/metrics").body()).doesNotContain("4930555301", "agent=\"");
    }

    @Test
    void a_waiting_caller_is_counted_while_waiting_and_no_longer_once_gone() throws Exception {
        String caller = pbx.inboundCall(InboundCall.of("+4930555302", WAITING_DID));
        String queue = "queue=\"" + WAITING_DID + "\"";

        api.await("the waiting caller on /metrics", () -> sample("switchboard_queue_calls_waiting", queue),
                v -> v.isPresent() && v.getAsDouble() == 1.0, SOON);
        // The wait the meter shows is the one the API shows (one engine; the meters' snapshot is at most 1 s old).
        // Not more: the KPI engine measures a wait from the PBX's event time against the node's clock, and
        // pbx-sim's clock runs ten times fast here (PbxFlavour.TIME_SCALE), so the PBX is ahead and both read 0.
        double apiWait = api.getJson("/api/v1/queues/" + WAITING_DID + "/kpis").path("longestWaitSeconds").asDouble();
        assertThat(sample("switchboard_queue_longest_wait_seconds", queue)).hasValueCloseTo(apiWait,
                org.assertj.core.data.Offset.offset(2.0));

        pbx.callerHangsUp(caller);

        api.await("the caller gone from /metrics", () -> sample("switchboard_queue_calls_waiting", queue),
                v -> v.isPresent() && v.getAsDouble() == 0.0, SOON);
        assertThat(sample("switchboard_queue_longest_wait_seconds", queue)).hasValue(0.0);
        assertThat(sample("switchboard_queue_calls_offered_total", queue)).hasValue(1.0);
        double abandons = sample("switchboard_queue_calls_abandoned_total", queue).orElseThrow()
                + sample("switchboard_queue_calls_short_abandoned_total", queue).orElseThrow();
        assertThat(abandons).isEqualTo(1.0);
    }

    /** The value of the series of {@code metric} whose labels hold {@code label}, if /metrics has one. */
    private OptionalDouble sample(String metric, String label) throws Exception {
        Matcher line = Pattern.compile("(?m)^" + metric + "\\{([^}]*)\\} (\\S+)$").matcher(api.get("/metrics").body());
        while (line.find()) {
            if (line.group(1).contains(label)) {
                return OptionalDouble.of(Double.parseDouble(line.group(2)));
            }
        }
        return OptionalDouble.empty();
    }
}
