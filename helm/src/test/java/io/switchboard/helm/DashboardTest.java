package io.switchboard.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard queries only metrics the server exports, by the labels they carry: a renamed meter or a
 * panel on a metric nobody registers fails here rather than showing "No data" to the operator.
 */
class DashboardTest {

    static final Path DASHBOARD = RenderedChart.CHART.resolve("files/dashboards/switchboard.json");
    /** Labels Prometheus adds to every scraped series (target labels), whatever the server exports. */
    private static final Set<String> TARGET_LABELS = Set.of("instance", "job", "namespace", "pod", "service", "container", "endpoint");

    private static Map<String, Set<String>> exported;
    private static JsonNode dashboard;

    @BeforeAll
    static void load() throws IOException {
        exported = ServerMeters.exported();
        dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
    }

    @Test
    void theServerExportsWhatTheDashboardIsBuiltOn() {
        assertThat(exported).containsKeys(
                "switchboard_pbx_events_total", "switchboard_ami_input_skipped_total", "switchboard_esl_frames_skipped_total",
                "http_server_requests_seconds_count", "jvm_memory_used_bytes", "process_uptime_seconds");
        assertThat(exported.get("switchboard_pbx_events_total")).contains("application", "pbx", "type");
    }

    @Test
    void theServerExportsTheKpisPerQueueAgentsByStateAndEachPbxSessionAndOwnership() {
        for (String perQueue : List.of("switchboard_queue_calls_waiting", "switchboard_queue_longest_wait_seconds",
                "switchboard_queue_calls_offered_total", "switchboard_queue_calls_answered_total",
                "switchboard_queue_calls_answered_in_threshold_total", "switchboard_queue_calls_abandoned_total",
                "switchboard_queue_calls_short_abandoned_total", "switchboard_queue_calls_handled_total",
                "switchboard_queue_service_level_ratio", "switchboard_queue_answer_speed_average_seconds",
                "switchboard_queue_handle_time_average_seconds")) {
            assertThat(exported.get(perQueue)).as(perQueue).containsExactlyInAnyOrder("application", "queue");
        }
        assertThat(exported.get("switchboard_agents")).containsExactlyInAnyOrder("application", "state");
        assertThat(exported.get("switchboard_pbx_connected")).containsExactlyInAnyOrder("application", "pbx");
        assertThat(exported.get("switchboard_pbx_owned")).containsExactlyInAnyOrder("application", "pbx");
    }

    @Test
    void theKpiPanelsCombineTheNodesAsEachMeterNeeds() {
        List<String> exprs = expressions();
        // Every node shows the whole cluster's figures (docs/kpis.md): counts are the nodes' maximum, never their sum.
        assertThat(exprs).filteredOn(e -> e.contains("switchboard_queue_calls_waiting{")
                        || e.contains("switchboard_queue_calls_offered_total{"))
                .isNotEmpty().allSatisfy(e -> assertThat(e).startsWith("max by (queue) ("));
        assertThat(exprs).filteredOn(e -> e.contains("switchboard_agents{"))
                .isNotEmpty().allSatisfy(e -> assertThat(e).startsWith("max by (state) ("));
        assertThat(exprs).filteredOn(e -> e.contains("switchboard_queue_longest_wait_seconds{"))
                .isNotEmpty().allSatisfy(e -> assertThat(e).startsWith("max by (queue) ("));
        assertThat(exprs).as("ratios and means are computed from the nodes' counts, never averaged")
                .noneMatch(e -> e.matches("(?s).*\\bavg\\b.*") || e.contains("switchboard_queue_service_level_ratio"))
                .anyMatch(e -> e.contains("switchboard_queue_calls_answered_in_threshold_total{"))
                .anyMatch(e -> e.contains("switchboard_queue_answer_speed_average_seconds{")
                        && e.contains("switchboard_queue_calls_answered_total{"))
                .anyMatch(e -> e.contains("increase(switchboard_queue_calls_offered_total{"))
                .anyMatch(e -> e.contains("switchboard_agents{"))
                .anyMatch(e -> e.contains("switchboard_pbx_owned{"))
                .anyMatch(e -> e.contains("switchboard_pbx_connected{"));
    }

    @Test
    void everyQueriedMetricIsOneTheServerExports() {
        List<PromQl.Selector> selectors = selectors();
        assertThat(selectors).hasSizeGreaterThanOrEqualTo(15);
        assertThat(selectors).allSatisfy(s -> assertThat(exported)
                .as("metric %s in `%s`", s.metric(), s.expr())
                .containsKey(s.metric()));
    }

    @Test
    void everyLabelAQueryFiltersOrGroupsByIsOnItsMetrics() {
        for (String expr : expressions()) {
            List<PromQl.Selector> selectors = PromQl.selectors(expr);
            for (PromQl.Selector selector : selectors) {
                assertThat(exported.getOrDefault(selector.metric(), Set.of()))
                        .as("labels of %s in `%s`", selector.metric(), expr)
                        .containsAll(selector.labels().stream().filter(l -> !TARGET_LABELS.contains(l)).toList());
            }
            for (String label : PromQl.groupingLabels(expr)) {
                if (!TARGET_LABELS.contains(label)) {
                    assertThat(selectors).as("some metric of `%s` has label %s", expr, label)
                            .anySatisfy(s -> assertThat(exported.get(s.metric())).contains(label));
                }
            }
        }
    }

    @Test
    void onlySwitchboardSeriesAreShownAsTheServerTagsThem() throws IOException {
        assertThat(Files.readString(ServerMeters.SERVER_METRICS)).contains("commonTags(\"application\", \"switchboard\")");
        assertThat(selectors()).allSatisfy(s -> assertThat(s.labels()).as("`%s`", s.expr()).contains("application"));
    }

    @Test
    void aMetricTheServerDoesNotExportIsCaught() {
        List<PromQl.Selector> selectors = PromQl.selectors(
                "sum by (queue) (switchboard_calls_waiting{application=\"switchboard\"}) / ignoring (queue) up");
        assertThat(selectors).extracting(PromQl.Selector::metric).containsExactly("switchboard_calls_waiting", "up");
        assertThat(exported).doesNotContainKey("switchboard_calls_waiting");
        assertThat(PromQl.groupingLabels("sum by (queue, pbx) (rate(x[5m]))")).containsExactly("queue", "pbx");
    }

    @Test
    void everyPanelHasAUniqueIdAndEveryQueryPanelAQuery() {
        List<Integer> ids = new ArrayList<>();
        dashboard.path("panels").forEach(p -> ids.add(p.path("id").asInt()));
        assertThat(ids).doesNotHaveDuplicates();
        dashboard.path("panels").forEach(panel -> {
            if (!Set.of("row", "text").contains(panel.path("type").asText())) {
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
                assertThat(panel.at("/datasource/uid").asText()).isEqualTo("${datasource}");
            }
        });
        assertThat(dashboard.path("uid").asText()).isEqualTo("switchboard-overview");
    }

    private static List<String> expressions() {
        List<String> exprs = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(t -> exprs.add(t.path("expr").asText())));
        dashboard.at("/templating/list").forEach(v -> {
            if ("query".equals(v.path("type").asText())) {
                exprs.add(PromQl.labelValuesSelector(v.at("/query/query").asText()));
            }
        });
        return exprs;
    }

    private static List<PromQl.Selector> selectors() {
        return expressions().stream().flatMap(e -> PromQl.selectors(e).stream()).toList();
    }
}
